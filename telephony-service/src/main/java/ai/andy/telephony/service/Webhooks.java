package ai.andy.telephony.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.runtime.problem.ProblemException;
import ai.andy.telephony.Carrier;

/**
 * Every carrier webhook, Twilio's or the simulator's, enters here: signature first (403 and nothing stored when it
 * fails), then the handler of its path. Returns the TwiML to answer with.
 */
@ApplicationScoped
public class Webhooks {
    private final WebhookGuard guard;
    private final InboundTexts texts;
    private final InboundCalls calls;

    Webhooks(WebhookGuard guard, InboundTexts texts, InboundCalls calls) {
        this.guard = guard;
        this.texts = texts;
        this.calls = calls;
    }

    public String receive(String path, Map<String, String> params, String signature) {
        Carrier signer = guard.verify(path, params, signature);
        return switch (path) {
            case "/twilio/sms" -> texts.received(params, signer);
            case "/twilio/sms/status" -> texts.status(params, signer);
            case "/twilio/voice" -> calls.incoming(params, signer);
            case "/twilio/voice/status" -> calls.status(params, signer);
            case "/twilio/voice/recorded" -> calls.recorded(params, signer);
            case "/twilio/voice/transcription" -> calls.transcribed(params, signer);
            default -> throw ProblemException.notFound("No webhook at " + path + ".");
        };
    }
}
