package ai.andy.voice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.andy.events.AndyEvent;
import ai.andy.events.EventConsumer;
import ai.andy.events.Topics;
import ai.andy.events.intent.IntentDecoder;
import ai.andy.events.intent.InvalidIntentException;
import ai.andy.events.intent.voice.Speech;
import ai.andy.events.intent.voice.VoiceSpeak;
import ai.andy.events.payload.ChatIntent;
import ai.andy.events.payload.IntentResult;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.voice.provider.ProviderException;
import ai.andy.voice.service.SignedUrls;
import ai.andy.voice.service.SpeechRequest;
import ai.andy.voice.service.SpeechService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Answers chat's {@code voice.speak} on {@code voice.fetched} with the same request id: a signed URL of the audio in
 * the engine's client format, for the client to play. A redelivered intent is answered again from the cache, at no
 * cost, so no processed-event record is needed. Whatever goes wrong becomes a rejected or failed answer.
 */
@ApplicationScoped
public class IntentConsumer {
    private final SpeechService speech;
    private final SignedUrls urls;
    private final KafkaVoiceEvents events;

    IntentConsumer(SpeechService speech, SignedUrls urls, KafkaVoiceEvents events) {
        this.speech = speech;
        this.urls = urls;
        this.events = events;
    }

    @Incoming("chat-intent")
    public Uni<Void> intent(Message<String> record) {
        return EventConsumer.consume(record, ChatIntent.class, event -> {
            if (!"voice".equals(event.data().domain())) {
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().item(() -> answer(event))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .invoke(result -> events.publish(Topics.VOICE_FETCHED, event.userId(), result))
                    .replaceWithVoid();
        });
    }

    IntentResult answer(AndyEvent<ChatIntent> event) {
        ChatIntent intent = event.data();
        if (!"voice.speak".equals(intent.intent())) {
            return IntentResult.rejected(intent, "Andy's voice service does not know '" + intent.intent()
                    + "'. It can read a text aloud (voice.speak).");
        }
        try {
            VoiceSpeak params = IntentDecoder.params(intent, VoiceSpeak.class);
            SpeechService.Audio audio = speech.speak(new SpeechRequest(event.userId(), params.text(),
                    params.voiceId(), null, "intent"));
            SignedUrls.Signed signed = urls.sign(audio.id());
            return IntentResult.ok(intent, IntentDecoder.toMap(new Speech(signed.url(), audio.format().mediaType(),
                    audio.voiceId(), audio.engine(), audio.characters(), signed.expiresAt())));
        } catch (InvalidIntentException | ProblemException e) {
            return IntentResult.rejected(intent, e.getMessage());
        } catch (ProviderException e) {
            return IntentResult.failed(intent, e.getMessage());
        } catch (RuntimeException e) {
            Log.errorf(e, "intent %s (%s) failed", intent.requestId(), intent.intent());
            return IntentResult.failed(intent, "Andy's voice service failed to speak this.");
        }
    }
}
