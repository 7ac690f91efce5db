package ai.andy.telephony.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.events.Topics;
import ai.andy.events.payload.UsageRecorded;
import ai.andy.runtime.outbox.Outbox;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.telephony.Carrier;
import ai.andy.telephony.Paged;
import ai.andy.telephony.PhoneCall;
import ai.andy.telephony.VoicemailMessage;
import ai.andy.telephony.config.TelephonyConfig;
import ai.andy.telephony.provider.CarrierException;
import ai.andy.telephony.provider.PhoneCarrier;
import ai.andy.telephony.repository.CallRecord;
import ai.andy.telephony.repository.CallRepository;
import ai.andy.telephony.repository.Page;
import ai.andy.telephony.repository.Voicemail;
import ai.andy.telephony.repository.VoicemailRepository;
import io.smallrye.mutiny.Uni;

/** Call history, voicemails, and calls placed for the person. Blocking: call from worker threads. */
@ApplicationScoped
public class CallService {
    private final CallRepository calls;
    private final VoicemailRepository voicemails;
    private final Lines lines;
    private final PhoneNumbers numbers;
    private final Sealing sealing;
    private final Views views;
    private final Outbox outbox;
    private final TelephonyConfig config;

    CallService(CallRepository calls, VoicemailRepository voicemails, Lines lines, PhoneNumbers numbers,
            Sealing sealing, Views views, Outbox outbox, TelephonyConfig config) {
        this.calls = calls;
        this.voicemails = voicemails;
        this.lines = lines;
        this.numbers = numbers;
        this.sealing = sealing;
        this.views = views;
        this.outbox = outbox;
        this.config = config;
    }

    public record Placed(PhoneCall call, boolean replayed) {
    }

    public Paged<PhoneCall> history(String userId, String cursor, Integer limit) {
        Page page = Cursors.page(cursor, limit);
        record Rows(List<CallRecord> calls, List<Voicemail> voicemails) {
        }
        Rows rows = Db.read(() -> calls.page(userId, page).chain(found -> voicemails.forCalls(userId,
                found.stream().map(c -> c.id).toList()).map(v -> new Rows(found, v))));
        Map<UUID, Voicemail> byCall = rows.voicemails().stream()
                .collect(Collectors.toMap(v -> v.callId, Function.identity(), (a, b) -> a));
        CallRecord last = rows.calls().isEmpty() ? null : rows.calls().get(rows.calls().size() - 1);
        return new Paged<>(rows.calls().stream().map(c -> views.call(c, byCall.get(c.id))).toList(),
                last == null ? null : Cursors.next(rows.calls(), page.limit(), last.createdAt, last.id));
    }

    /** Calls newest first with their voicemails, for read intents; {@code number} may be null. */
    public List<PhoneCall> recent(String userId, String number, java.time.OffsetDateTime since, boolean inboundOnly,
            int limit) {
        String peer = number == null ? null : sealing.numberHash(numbers.require("from", number));
        List<CallRecord> found = Db.read(() -> calls.recent(userId, peer, since, inboundOnly, limit));
        Map<UUID, Voicemail> byCall = Db.read(() -> voicemails.forCalls(userId, found.stream().map(c -> c.id)
                .toList())).stream().collect(Collectors.toMap(v -> v.callId, Function.identity(), (a, b) -> a));
        return found.stream().map(c -> views.call(c, byCall.get(c.id))).toList();
    }

    public PhoneCall get(String userId, UUID id) {
        CallRecord call = Db.read(() -> calls.owned(userId, id));
        if (call == null) {
            throw ProblemException.notFound("No call with id " + id + ".");
        }
        List<Voicemail> v = Db.read(() -> voicemails.forCalls(userId, List.of(id)));
        return views.call(call, v.isEmpty() ? null : v.get(0));
    }

    public Paged<VoicemailMessage> voicemails(String userId, String cursor, Integer limit) {
        Page page = Cursors.page(cursor, limit);
        List<Voicemail> rows = Db.read(() -> voicemails.page(userId, page));
        Map<UUID, CallRecord> byId = Db.read(() -> rows.isEmpty() ? Uni.createFrom().item(List.<CallRecord>of())
                : calls.list("userId = ?1 and id in ?2", userId, rows.stream().map(v -> v.callId).toList()))
                .stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        Voicemail last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new Paged<>(rows.stream().map(v -> views.voicemail(v, byId.get(v.callId))).toList(),
                last == null ? null : Cursors.next(rows, page.limit(), last.createdAt, last.id));
    }

    public VoicemailMessage voicemail(String userId, UUID id) {
        Voicemail v = Db.read(() -> voicemails.owned(userId, id));
        if (v == null) {
            throw ProblemException.notFound("No voicemail with id " + id + ".");
        }
        return views.voicemail(v, Db.read(() -> calls.owned(userId, v.callId)));
    }

    /** Calls {@code to} and speaks a message about {@code purpose}; the same idempotency key places one call. */
    public Placed place(String userId, String to, String purpose, String idempotencyKey) {
        String number = numbers.require("to", to);
        PhoneCarrier carrier = lines.carrierFor(userId);
        String from = lines.senderFor(userId, carrier);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        CallRecord earlier = key == null ? null : Db.read(() -> calls.byIdempotencyKey(userId, key));
        if (earlier != null) {
            return new Placed(views.call(earlier, null), true);
        }
        CallRecord reserved = Db.write(() -> reserve(userId, number, purpose, key, carrier.kind()));
        PhoneCarrier.PlacedCall placed;
        try {
            placed = carrier.placeCall(from, number, Twiml.outboundMessage(purpose),
                    config.webhookBaseUrl() + "/twilio/voice/status");
        } catch (CarrierException e) {
            Db.write(() -> calls.deleteById(reserved.id));
            throw CarrierProblems.of(e);
        }
        CallRecord done = Db.write(() -> calls.findById(reserved.id).chain(c -> {
            c.providerSid = placed.sid();
            if (Statuses.call(placed.status()) > c.statusRank) {
                c.status = placed.status();
                c.statusRank = Statuses.call(placed.status());
            }
            c.updatedAt = Views.now();
            return carrier.kind() == Carrier.TWILIO
                    ? outbox.add(Topics.USAGE_RECORDED, userId, new UsageRecorded("telephony-service", "twilio",
                            "call.place", 1, null)).replaceWith(c)
                    : Uni.createFrom().item(c);
        }));
        return new Placed(views.call(done, null), false);
    }

    private Uni<CallRecord> reserve(String userId, String number, String purpose, String key, Carrier carrier) {
        return calls.placedSince(userId, LocalDate.now(ZoneOffset.UTC).atStartOfDay().atOffset(ZoneOffset.UTC))
                .chain(count -> {
                    if (count >= config.limits().callsPerDay()) {
                        throw new ProblemException(429, "Daily call limit reached", "You have placed "
                                + config.limits().callsPerDay() + " calls today, the daily limit. Calling works "
                                + "again after midnight UTC.");
                    }
                    CallRecord c = new CallRecord();
                    c.id = UUID.randomUUID();
                    c.userId = userId;
                    c.direction = "outbound";
                    c.carrier = carrier.wire();
                    c.peerHash = sealing.numberHash(number);
                    c.peerSealed = sealing.seal(number, userId, c.id, "peer");
                    c.purposeSealed = purpose == null || purpose.isBlank() ? null
                            : sealing.seal(purpose, userId, c.id, "purpose");
                    c.status = "queued";
                    c.statusRank = Statuses.call("queued");
                    c.idempotencyKey = key;
                    c.createdAt = Views.now();
                    c.updatedAt = c.createdAt;
                    return calls.persist(c);
                });
    }
}
