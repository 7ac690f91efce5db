package ai.andy.telephony.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.events.Topics;
import ai.andy.events.payload.SmsStatus;
import ai.andy.events.payload.UsageRecorded;
import ai.andy.runtime.outbox.Outbox;
import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.telephony.Carrier;
import ai.andy.telephony.Paged;
import ai.andy.telephony.TextMessage;
import ai.andy.telephony.config.TelephonyConfig;
import ai.andy.telephony.provider.CarrierException;
import ai.andy.telephony.provider.PhoneCarrier;
import ai.andy.telephony.repository.Markers;
import ai.andy.telephony.repository.Page;
import ai.andy.telephony.repository.SmsMessage;
import ai.andy.telephony.repository.SmsRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Texts the person sends and reads. A send is reserved first (idempotency key, daily limit, opt-out checked in one
 * transaction), then handed to the carrier outside any transaction, then recorded with the carrier's answer.
 * Blocking: call from worker threads.
 */
@ApplicationScoped
public class SmsService {
    static final int MAX_BODY = 1600;

    private final SmsRepository texts;
    private final Markers markers;
    private final Lines lines;
    private final PhoneNumbers numbers;
    private final Sealing sealing;
    private final Views views;
    private final Outbox outbox;
    private final TelephonyConfig config;

    SmsService(SmsRepository texts, Markers markers, Lines lines, PhoneNumbers numbers, Sealing sealing, Views views,
            Outbox outbox, TelephonyConfig config) {
        this.texts = texts;
        this.markers = markers;
        this.lines = lines;
        this.numbers = numbers;
        this.sealing = sealing;
        this.views = views;
        this.outbox = outbox;
        this.config = config;
    }

    public record Sent(TextMessage message, boolean replayed) {
    }

    public Sent send(String userId, String to, String body, String idempotencyKey) {
        String number = numbers.require("to", to);
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw ProblemException.badRequest("'body' must be a text of 1 to " + MAX_BODY + " characters.",
                    List.of(new Problem.FieldError("body", "1 to " + MAX_BODY + " characters")));
        }
        String peer = sealing.numberHash(number);
        PhoneCarrier carrier = lines.carrierFor(userId);
        String from = lines.senderFor(userId, carrier);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        SmsMessage earlier = key == null ? null : Db.read(() -> texts.byIdempotencyKey(userId, key));
        if (earlier != null) {
            return new Sent(views.text(earlier), true);
        }
        SmsMessage reserved = Db.write(() -> reserve(userId, number, peer, body, key, carrier.kind()));
        PhoneCarrier.SentText sent;
        try {
            sent = carrier.sendText(from, number, body, config.webhookBaseUrl() + "/twilio/sms/status");
        } catch (CarrierException e) {
            throw refused(userId, reserved, number, e);
        }
        SmsMessage done = Db.write(() -> recordSent(reserved.id, sent, carrier.kind()));
        return new Sent(views.text(done), false);
    }

    public TextMessage get(String userId, UUID id) {
        SmsMessage m = Db.read(() -> texts.owned(userId, id));
        if (m == null) {
            throw ProblemException.notFound("No text with id " + id + ".");
        }
        return views.text(m);
    }

    /** Conversations, newest first, each shown by its latest text. */
    public Paged<TextMessage> threads(String userId, String cursor, Integer limit) {
        Page page = Cursors.page(cursor, limit);
        return paged(Db.read(() -> texts.threads(userId, page)), page);
    }

    /** The texts with one number (thread id), newest first; another person's thread is simply empty → 404. */
    public Paged<TextMessage> thread(String userId, String threadId, String cursor, Integer limit) {
        Page page = Cursors.page(cursor, limit);
        List<SmsMessage> rows = Db.read(() -> texts.thread(userId, threadId, page));
        if (rows.isEmpty() && page.first()) {
            throw ProblemException.notFound("No conversation with id " + threadId + ".");
        }
        return paged(rows, page);
    }

    /** Texts newest first, for read intents ("texts from mom since Monday"); {@code number} may be null. */
    public List<TextMessage> recent(String userId, String number, java.time.OffsetDateTime since, int limit) {
        String peer = number == null ? null : sealing.numberHash(numbers.require("from", number));
        return Db.read(() -> texts.recent(userId, peer, since, limit)).stream().map(views::text).toList();
    }

    private Paged<TextMessage> paged(List<SmsMessage> rows, Page page) {
        SmsMessage last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new Paged<>(rows.stream().map(views::text).toList(), last == null ? null
                : Cursors.next(rows, page.limit(), last.createdAt, last.id));
    }

    private Uni<SmsMessage> reserve(String userId, String number, String peer, String body, String key,
            Carrier carrier) {
        return texts.sentSince(userId, LocalDate.now(ZoneOffset.UTC).atStartOfDay().atOffset(ZoneOffset.UTC))
                .chain(count -> {
                    if (count >= config.limits().smsPerDay()) {
                        throw new ProblemException(429, "Daily text limit reached", "You have sent "
                                + config.limits().smsPerDay() + " texts today, the daily limit. Texting works again"
                                + " after midnight UTC.").header("Retry-After", String.valueOf(secondsToMidnight()));
                    }
                    return markers.optedOut(userId, peer);
                })
                .chain(optedOut -> {
                    if (optedOut) {
                        throw ProblemException.conflict("This number replied STOP to your Andy number, so Andy "
                                + "does not text it. It can reply START to receive texts again.");
                    }
                    SmsMessage m = new SmsMessage();
                    m.id = UUID.randomUUID();
                    m.userId = userId;
                    m.direction = "outbound";
                    m.carrier = carrier.wire();
                    m.peerHash = peer;
                    m.peerSealed = sealing.seal(number, userId, m.id, "peer");
                    m.bodySealed = sealing.seal(body, userId, m.id, "body");
                    m.status = "accepted";
                    m.statusRank = Statuses.sms("accepted");
                    m.idempotencyKey = key;
                    m.createdAt = Views.now();
                    m.updatedAt = m.createdAt;
                    return texts.persist(m);
                });
    }

    private Uni<SmsMessage> recordSent(UUID id, PhoneCarrier.SentText sent, Carrier carrier) {
        return texts.findById(id).chain(m -> {
            m.providerSid = sent.sid();
            m.price = sent.price();
            m.priceUnit = sent.priceUnit();
            boolean moved = Statuses.sms(sent.status()) > m.statusRank;
            if (moved) {
                m.status = sent.status();
                m.statusRank = Statuses.sms(sent.status());
            }
            m.updatedAt = Views.now();
            Uni<Void> events = outbox.add(Topics.SMS_STATUS, m.userId, new SmsStatus(m.id.toString(), m.peerHash,
                    m.status, null, carrier == Carrier.SIMULATED));
            if (carrier == Carrier.TWILIO) {
                BigDecimal cost = sent.price() == null ? null : sent.price().abs();
                events = events.chain(() -> outbox.add(Topics.USAGE_RECORDED, m.userId, new UsageRecorded(
                        "telephony-service", "twilio", "sms.send", 1, cost)));
            }
            return events.replaceWith(m);
        });
    }

    /**
     * The carrier said no. An invalid or unsubscribed number stays in the history as failed (and an unsubscribed
     * one is remembered as opted out); a rate limit or an outage frees the reservation so the same key can retry.
     */
    private ProblemException refused(String userId, SmsMessage reserved, String number, CarrierException e) {
        Log.warnf("carrier refused text %s: %s (code %s)", reserved.id, e.kind(), e.code());
        boolean keep = e.kind() == CarrierException.Kind.INVALID_NUMBER
                || e.kind() == CarrierException.Kind.UNSUBSCRIBED;
        Db.write(() -> texts.findById(reserved.id).chain(m -> {
            if (!keep) {
                return texts.delete(m);
            }
            m.status = "failed";
            m.statusRank = Statuses.sms("failed");
            m.errorCode = e.code();
            m.updatedAt = Views.now();
            return e.kind() == CarrierException.Kind.UNSUBSCRIBED
                    ? markers.setOptOut(userId, reserved.peerHash, true) : Uni.createFrom().voidItem();
        }));
        return CarrierProblems.of(e);
    }

    private static long secondsToMidnight() {
        var now = java.time.OffsetDateTime.now(ZoneOffset.UTC);
        return java.time.Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .getSeconds();
    }

}
