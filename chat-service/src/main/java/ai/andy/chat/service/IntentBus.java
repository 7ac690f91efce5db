package ai.andy.chat.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.events.intent.Intents;
import ai.andy.events.payload.ChatIntent;
import ai.andy.events.payload.IntentResult;

/**
 * Chat's side of the intent contract: publishes {@code chat.intent} and hands each answer on a result topic to
 * whoever waits for that request id. The person's turn may be waiting on any chat instance, so every instance reads
 * every result (a consumer group of its own, from the latest offset) and ignores the ones it is not waiting for.
 */
@ApplicationScoped
public class IntentBus {
    private final EventPublisher publisher;
    private final Map<String, CompletableFuture<IntentResult>> waiting = new ConcurrentHashMap<>();
    private volatile boolean listening;

    IntentBus(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Which service carries the intent out (the registry's owner), for telling the person who did not answer. */
    public static String owner(String intent) {
        return Intents.find(intent).map(spec -> spec.owner() + "-service").orElse("the service for " + intent);
    }

    /** What the person calls the part of Andy that carries an intent out: never an internal service's name. */
    public static String area(String intent) {
        return switch (Intents.find(intent).map(spec -> spec.owner()).orElse("")) {
            case "email" -> "your mail";
            case "calendar" -> "your calendar and tasks";
            case "telephony" -> "texts and calls";
            case "voice" -> "speech";
            default -> "the part of Andy that does this";
        };
    }

    /** Publishes the intent and returns its answer, or fails with a TimeoutException after {@code timeout}. */
    public CompletableFuture<IntentResult> send(String userId, ChatIntent intent, Duration timeout) {
        CompletableFuture<IntentResult> answer = awaitAnswer(intent.requestId(), timeout);
        publisher.sendIntent(userId, intent).subscribe().with(ok -> { }, answer::completeExceptionally);
        return answer;
    }

    /** Waits for the answer to a request published some other way (a confirmed action, through the outbox). */
    public CompletableFuture<IntentResult> awaitAnswer(String requestId, Duration timeout) {
        // One wait per request id: two confirmations of one action (a double click) share it.
        return waiting.computeIfAbsent(requestId, id -> {
            CompletableFuture<IntentResult> answer = new CompletableFuture<>();
            answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((result, failure) -> waiting.remove(id, answer));
            return answer;
        });
    }

    /** True once this instance reads the result topics: before that, an answer could pass unseen. */
    public boolean listening() {
        return listening;
    }

    /** The result topics' partitions are assigned to this instance. */
    public void assigned() {
        listening = true;
    }

    /** Hands an answer to whoever on this instance waits for it. */
    public void deliver(IntentResult result) {
        CompletableFuture<IntentResult> answer = result.requestId() == null ? null : waiting.get(result.requestId());
        if (answer != null) {
            answer.complete(result);
        }
    }
}
