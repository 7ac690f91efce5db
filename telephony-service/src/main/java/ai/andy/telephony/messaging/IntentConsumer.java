package ai.andy.telephony.messaging;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.events.AndyEvent;
import ai.andy.events.EventConsumer;
import ai.andy.events.intent.IntentDecoder;
import ai.andy.events.intent.InvalidIntentException;
import ai.andy.events.intent.PersonRef;
import ai.andy.events.intent.telephony.CallList;
import ai.andy.events.intent.telephony.CallPlace;
import ai.andy.events.intent.telephony.CallRecords;
import ai.andy.events.intent.telephony.CallView;
import ai.andy.events.intent.telephony.SmsList;
import ai.andy.events.intent.telephony.SmsMessages;
import ai.andy.events.intent.telephony.SmsSend;
import ai.andy.events.intent.telephony.SmsView;
import ai.andy.events.payload.ChatIntent;
import ai.andy.events.payload.IntentResult;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.telephony.PhoneCall;
import ai.andy.telephony.TextMessage;
import ai.andy.telephony.service.CallService;
import ai.andy.telephony.service.SmsService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Carries out chat's {@code sms.*} and {@code call.*} intents and answers on {@code telephony.fetched} with the same
 * request id. Side-effecting ones arrive only after the person confirmed them; the request id is the idempotency
 * key, so a redelivered {@code sms.send} texts once. Every failure becomes an answer chat can tell the person.
 */
@ApplicationScoped
public class IntentConsumer {
    private static final Set<String> MINE = Set.of("sms", "call");
    private static final int LIST_LIMIT = 20;

    private final SmsService sms;
    private final CallService calls;
    private final IntentAnswers answers;

    IntentConsumer(SmsService sms, CallService calls, IntentAnswers answers) {
        this.sms = sms;
        this.calls = calls;
        this.answers = answers;
    }

    @Incoming("chat-intent")
    public Uni<Void> intent(Message<String> record) {
        return EventConsumer.consume(record, ChatIntent.class, event -> {
            if (!MINE.contains(event.data().domain())) {
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().item(() -> answer(event))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .invoke(result -> answers.publish(event.userId(), result))
                    .replaceWithVoid();
        });
    }

    IntentResult answer(AndyEvent<ChatIntent> event) {
        ChatIntent intent = event.data();
        String userId = event.userId();
        try {
            Object result = switch (intent.intent()) {
                case "sms.send" -> send(userId, IntentDecoder.params(intent, SmsSend.class), intent.requestId());
                case "call.place" -> place(userId, IntentDecoder.params(intent, CallPlace.class), intent.requestId());
                case "sms.list" -> listTexts(userId, IntentDecoder.params(intent, SmsList.class));
                case "call.list" -> listCalls(userId, IntentDecoder.params(intent, CallList.class));
                default -> null;
            };
            if (result == null) {
                return IntentResult.rejected(intent, "Andy's telephony service does not know '" + intent.intent()
                        + "'. It can send and list texts, and place and list calls.");
            }
            return IntentResult.ok(intent, IntentDecoder.toMap(result));
        } catch (InvalidIntentException e) {
            return IntentResult.rejected(intent, e.getMessage());
        } catch (ProblemException e) {
            return e.status() >= 500 ? IntentResult.failed(intent, e.getMessage())
                    : IntentResult.rejected(intent, e.getMessage());
        } catch (RuntimeException e) {
            Log.errorf(e, "intent %s (%s) failed", intent.requestId(), intent.intent());
            return IntentResult.failed(intent, "Andy's telephony service failed to do this; nothing was sent.");
        }
    }

    private Object send(String userId, SmsSend p, String requestId) {
        TextMessage sent = sms.send(userId, number(p.to(), "to"), p.body(), "intent:" + requestId).message();
        return new ai.andy.events.intent.telephony.SmsMessage(view(sent, p.to()));
    }

    private Object place(String userId, CallPlace p, String requestId) {
        PhoneCall placed = calls.place(userId, number(p.to(), "to"), p.purpose(), "intent:" + requestId).call();
        return new ai.andy.events.intent.telephony.CallRecord(view(placed, p.to()));
    }

    private Object listTexts(String userId, SmsList p) {
        if (Boolean.TRUE.equals(p.unreadOnly())) {
            throw new InvalidIntentException("unreadOnly", "Andy does not keep track of which texts were read; "
                    + "ask for recent texts instead.");
        }
        List<TextMessage> found = sms.recent(userId, p.from() == null ? null : number(p.from(), "from"), p.since(),
                LIST_LIMIT + 1);
        List<SmsView> views = found.stream().limit(LIST_LIMIT).map(m -> view(m, p.from())).toList();
        return new SmsMessages(views, views.size(), found.size() > LIST_LIMIT);
    }

    private Object listCalls(String userId, CallList p) {
        // Andy answers every incoming call for the person, so every incoming call is one they missed.
        List<PhoneCall> found = calls.recent(userId, p.from() == null ? null : number(p.from(), "from"), p.since(),
                Boolean.TRUE.equals(p.missedOnly()), LIST_LIMIT + 1);
        List<CallView> views = found.stream().limit(LIST_LIMIT).map(c -> view(c, p.from())).toList();
        return new CallRecords(views, views.size(), found.size() > LIST_LIMIT);
    }

    /** The number of a person as named; a name chat could not resolve to a number cannot be dialled. */
    private static String number(PersonRef person, String field) {
        if (person.phone() == null) {
            throw new InvalidIntentException(field, "Andy has no phone number for " + person.display()
                    + "; say the number.");
        }
        return person.phone();
    }

    private static SmsView view(TextMessage m, PersonRef named) {
        return new SmsView(m.id().toString(), m.direction(), nameIfSame(named, m.number()), m.number(), m.body(),
                m.status(), m.createdAt().toInstant(), m.simulated());
    }

    private static CallView view(PhoneCall c, PersonRef named) {
        return new CallView(c.id().toString(), c.direction(), nameIfSame(named, c.number()), c.number(), c.status(),
                c.createdAt().toInstant(), c.durationSeconds(), c.voicemail() == null ? null
                        : c.voicemail().transcript(), c.simulated());
    }

    private static String nameIfSame(PersonRef named, String number) {
        return named != null && named.name() != null && named.phone() != null && number != null ? named.name() : null;
    }

}
