package ai.andy.telephony.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.events.Topics;
import ai.andy.events.payload.NotifyUser;
import ai.andy.events.payload.SmsReceived;
import ai.andy.events.payload.SmsStatus;
import ai.andy.runtime.outbox.Outbox;
import ai.andy.telephony.Carrier;
import ai.andy.telephony.repository.Markers;
import ai.andy.telephony.repository.PhoneLine;
import ai.andy.telephony.repository.SmsMessage;
import ai.andy.telephony.repository.SmsRepository;
import io.smallrye.mutiny.Uni;

/**
 * Texts arriving at a person's Andy number and status callbacks of texts they sent. Each webhook is one short
 * transaction: the receipt (so a replay changes nothing), the row, and the events in the outbox, which the relay
 * hands to Kafka; nothing slow happens while the carrier waits.
 */
@ApplicationScoped
public class InboundTexts {
    private final SmsRepository texts;
    private final Markers markers;
    private final Lines lines;
    private final PhoneNumbers numbers;
    private final Sealing sealing;
    private final Outbox outbox;

    InboundTexts(SmsRepository texts, Markers markers, Lines lines, PhoneNumbers numbers, Sealing sealing,
            Outbox outbox) {
        this.texts = texts;
        this.markers = markers;
        this.lines = lines;
        this.numbers = numbers;
        this.sealing = sealing;
        this.outbox = outbox;
    }

    String received(Map<String, String> params, Carrier signer) {
        String sid = params.get("MessageSid");
        if (sid == null || sid.isBlank()) {
            return Twiml.nothing();
        }
        String from = numbers.lenient(params.get("From"));
        String to = numbers.lenient(params.get("To"));
        String body = params.getOrDefault("Body", "");
        String keyword = Keywords.of(body);
        Db.write(() -> lines.reached(to, signer).chain(line -> line == null ? Uni.createFrom().voidItem()
                : markers.firstReceipt(sid, "received").chain(first -> first
                        ? store(line, sid, from, body, keyword, signer) : Uni.createFrom().voidItem())));
        return "HELP".equals(keyword) ? Twiml.reply(Twiml.HELP) : Twiml.nothing();
    }

    String status(Map<String, String> params, Carrier signer) {
        String sid = params.get("MessageSid");
        String status = params.getOrDefault("MessageStatus", params.get("SmsStatus"));
        if (sid == null || status == null) {
            return Twiml.nothing();
        }
        Integer errorCode = integer(params.get("ErrorCode"));
        Db.write(() -> markers.firstReceipt(sid, "status:" + status).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : texts.bySid(sid).chain(m -> m == null || !m.carrier.equals(signer.wire())
                        ? Uni.createFrom().voidItem()
                        : texts.advance(m.id, status, Statuses.sms(status), errorCode).chain(moved -> moved == 0
                                ? Uni.createFrom().voidItem()
                                : outbox.add(Topics.SMS_STATUS, m.userId, new SmsStatus(m.id.toString(),
                                        m.peerHash, status, errorCode, signer == Carrier.SIMULATED))))));
        return Twiml.nothing();
    }

    private Uni<Void> store(PhoneLine line, String sid, String from, String body, String keyword, Carrier signer) {
        SmsMessage m = new SmsMessage();
        m.id = UUID.randomUUID();
        m.userId = line.userId;
        m.direction = "inbound";
        m.carrier = signer.wire();
        m.providerSid = sid;
        m.peerHash = sealing.numberHash(from);
        m.peerSealed = sealing.seal(from, m.userId, m.id, "peer");
        m.bodySealed = sealing.seal(body, m.userId, m.id, "body");
        m.status = "received";
        m.statusRank = Statuses.sms("received");
        m.createdAt = Views.now();
        m.updatedAt = m.createdAt;
        boolean simulated = signer == Carrier.SIMULATED;
        Uni<Void> optOut = "STOP".equals(keyword) || "START".equals(keyword)
                ? markers.setOptOut(m.userId, m.peerHash, "STOP".equals(keyword)) : Uni.createFrom().voidItem();
        return texts.persist(m).chain(() -> optOut)
                .chain(() -> outbox.add(Topics.SMS_RECEIVED, m.userId, new SmsReceived(m.id.toString(), m.peerHash,
                        from, body, keyword, simulated, m.createdAt)))
                .chain(() -> outbox.add(Topics.NOTIFY_USER, m.userId, new NotifyUser("sms.received",
                        (simulated ? "Simulated text from " : "Text from ") + from, body,
                        Map.of("messageId", m.id.toString(), "threadId", m.peerHash, "simulated", simulated))));
    }

    static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
