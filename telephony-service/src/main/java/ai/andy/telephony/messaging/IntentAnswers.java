package ai.andy.telephony.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import ai.andy.events.Events;
import ai.andy.events.Topics;
import ai.andy.events.payload.IntentResult;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Answers to chat's intents on {@code telephony.fetched}, sent straight to Kafka: the work they report (a carrier
 * call) is not one database transaction, and chat times out with a clear message when an answer is lost.
 */
@ApplicationScoped
public class IntentAnswers {
    private final MutinyEmitter<String> kafka;

    IntentAnswers(@Channel("telephony-events") MutinyEmitter<String> kafka) {
        this.kafka = kafka;
    }

    void publish(String userId, IntentResult result) {
        kafka.sendMessage(Events.message("telephony-service", Topics.TELEPHONY_FETCHED, userId, result))
                .subscribe().with(ok -> { }, failure -> Log.warnf("could not answer intent %s: %s",
                        result.requestId(), failure.getClass().getSimpleName()));
    }
}
