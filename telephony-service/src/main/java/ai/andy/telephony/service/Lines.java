package ai.andy.telephony.service;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import ai.andy.runtime.problem.ProblemException;
import ai.andy.telephony.Carrier;
import ai.andy.telephony.config.TelephonyConfig;
import ai.andy.telephony.provider.PhoneCarrier;
import ai.andy.telephony.provider.simulated.SimulatedCarrier;
import ai.andy.telephony.provider.twilio.TwilioCarrier;
import ai.andy.telephony.repository.LineRepository;
import ai.andy.telephony.repository.PhoneLine;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Which carrier a person uses and which of Andy's numbers is theirs. Twilio when the operator configured it,
 * otherwise the simulated carrier. Every person gets a simulated line on first use (the simulator's inbound side
 * reaches Andy through it); its numbers are in the +1 555 01xx range reserved for fiction.
 */
@ApplicationScoped
public class Lines {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LineRepository lines;
    private final Sealing sealing;
    private final TwilioCarrier twilio;
    private final SimulatedCarrier simulated;
    private final TelephonyConfig config;
    private final PhoneNumbers numbers;

    Lines(LineRepository lines, Sealing sealing, TwilioCarrier twilio, SimulatedCarrier simulated,
            TelephonyConfig config, PhoneNumbers numbers) {
        this.numbers = numbers;
        this.lines = lines;
        this.sealing = sealing;
        this.twilio = twilio;
        this.simulated = simulated;
        this.config = config;
    }

    void onStart(@Observes @Priority(25) StartupEvent event) {
        for (String pair : config.twilio().lines().orElse(java.util.List.of())) {
            int eq = pair.indexOf('=');
            String number = eq > 0 ? numbers.e164(pair.substring(eq + 1)).orElse(null) : null;
            if (number == null) {
                throw new IllegalArgumentException("andy.telephony.twilio.lines: each entry is userId=+E164");
            }
            String userId = pair.substring(0, eq).trim();
            Db.write(() -> lines.byNumberHash(sealing.numberHash(number)).chain(existing -> existing != null
                    && existing.userId.equals(userId) ? Uni.createFrom().voidItem()
                    : (existing == null ? Uni.createFrom().voidItem() : lines.delete(existing))
                            .chain(() -> lines.delete("userId = ?1 and carrier = ?2", userId, Carrier.TWILIO.wire()))
                            .chain(() -> lines.flush())
                            .chain(() -> create(userId, Carrier.TWILIO, number)).replaceWithVoid()));
        }
    }

    public PhoneCarrier carrierFor(String userId) {
        return twilio.configured() ? twilio : simulated;
    }

    /** The number a person's texts and calls go out from on this carrier. */
    public String senderFor(String userId, PhoneCarrier carrier) {
        if (carrier.kind() == Carrier.SIMULATED) {
            return simulatedLine(userId);
        }
        Optional<String> own = Db.read(() -> lines.ofUserOn(userId, Carrier.TWILIO.wire()))
                .map(line -> sealing.open(line.numberSealed, userId, line.id, "line"));
        return own.or(() -> config.twilio().fromNumber()).orElseThrow(() -> new ProblemException(409,
                "No number to send from", "Andy has no Twilio number to send from: the operator must set "
                        + "ANDY_TWILIO_FROM_NUMBER."));
    }

    /** The person's simulated number, created on first use. */
    public String simulatedLine(String userId) {
        PhoneLine line = Db.read(() -> lines.ofUserOn(userId, Carrier.SIMULATED.wire())).orElse(null);
        for (int attempt = 0; line == null && attempt < 5; attempt++) {
            String number = "+1555" + String.format("%03d", RANDOM.nextInt(1000)) + "01" + String.format("%02d",
                    RANDOM.nextInt(100));
            try {
                line = Db.write(() -> create(userId, Carrier.SIMULATED, number));
            } catch (RuntimeException taken) {
                line = Db.read(() -> lines.ofUserOn(userId, Carrier.SIMULATED.wire())).orElse(null);
            }
        }
        if (line == null) {
            throw new IllegalStateException("no simulated number could be assigned");
        }
        return sealing.open(line.numberSealed, userId, line.id, "line");
    }

    /** The line a webhook's {@code To} number reaches, on the carrier that signed the webhook. */
    public Uni<PhoneLine> reached(String number, Carrier signer) {
        return lines.byNumberHash(sealing.numberHash(number))
                .map(line -> line != null && line.carrier.equals(signer.wire()) ? line : null);
    }

    private Uni<PhoneLine> create(String userId, Carrier carrier, String number) {
        PhoneLine line = new PhoneLine();
        line.id = UUID.randomUUID();
        line.userId = userId;
        line.carrier = carrier.wire();
        line.numberHash = sealing.numberHash(number);
        line.numberSealed = sealing.seal(number, userId, line.id, "line");
        line.createdAt = Views.now();
        return lines.persistAndFlush(line);
    }
}
