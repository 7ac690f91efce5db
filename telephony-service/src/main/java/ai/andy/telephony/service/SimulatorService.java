package ai.andy.telephony.service;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.enterprise.context.ApplicationScoped;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;


import ai.andy.runtime.problem.ProblemException;
import ai.andy.telephony.Carrier;
import ai.andy.telephony.provider.simulated.SimulatedCarrier;
import ai.andy.telephony.repository.CallRecord;
import ai.andy.telephony.repository.CallRepository;

/**
 * The inbound side of the simulated carrier, for trying Andy on one machine: a text or a call from any number to
 * the person's simulated number, and the call stepped through as the caller would. Each step is a webhook in
 * Twilio's form, signed with the simulator's local token and handed to the same {@link Webhooks#receive} Twilio's
 * requests reach, signature check included. Blocking: call from worker threads.
 */
@ApplicationScoped
public class SimulatorService {
    private final Webhooks webhooks;
    private final WebhookGuard guard;
    private final Lines lines;
    private final PhoneNumbers numbers;
    private final CallRepository calls;

    SimulatorService(Webhooks webhooks, WebhookGuard guard, Lines lines, PhoneNumbers numbers, CallRepository calls) {
        this.webhooks = webhooks;
        this.guard = guard;
        this.lines = lines;
        this.numbers = numbers;
        this.calls = calls;
    }

    /** What Andy did at one step of a call or text: {@code say}, {@code play}, {@code record}, {@code reply}, {@code hangup}. */
    public record Step(String action, String text) {
    }

    public record Exchange(String sid, List<Step> andy, String twiml) {
    }

    /** The person's simulated number: texts and calls to it reach Andy on their behalf. */
    public String number(String userId) {
        return lines.simulatedLine(userId);
    }

    public Exchange text(String userId, String from, String body) {
        String sender = numbers.require("from", from);
        if (body == null || body.isBlank() || body.length() > SmsService.MAX_BODY) {
            throw ProblemException.badRequest("'body' must be a text of 1 to " + SmsService.MAX_BODY + " characters.",
                    List.of());
        }
        String sid = SimulatedCarrier.sid("SM");
        String twiml = send("/twilio/sms", params("MessageSid", sid, "From", sender, "To", number(userId),
                "Body", body, "NumMedia", "0"));
        return new Exchange(sid, steps(twiml), twiml);
    }

    public Exchange call(String userId, String from) {
        String caller = numbers.require("from", from);
        String sid = SimulatedCarrier.sid("CA");
        String twiml = send("/twilio/voice", params("CallSid", sid, "From", caller, "To", number(userId),
                "CallStatus", "ringing", "Direction", "inbound"));
        return new Exchange(sid, steps(twiml), twiml);
    }

    /** The caller speaks after the beep: the recording, its transcription (the words given) and the hang-up. */
    public Exchange leaveMessage(String userId, String callSid, String words) {
        if (words == null || words.isBlank()) {
            throw ProblemException.badRequest("'text' is what the caller says after the beep; it is empty.", List.of());
        }
        ownCall(userId, callSid);
        String recordingSid = SimulatedCarrier.sid("RE");
        int seconds = Math.max(1, words.split("\\s+").length / 2);
        String twiml = send("/twilio/voice/recorded", params("CallSid", callSid, "RecordingSid", recordingSid,
                "RecordingUrl", "", "RecordingDuration", String.valueOf(seconds)));
        send("/twilio/voice/transcription", params("CallSid", callSid, "RecordingSid", recordingSid,
                "TranscriptionSid", SimulatedCarrier.sid("TR"), "TranscriptionStatus", "completed",
                "TranscriptionText", words.trim()));
        send("/twilio/voice/status", params("CallSid", callSid, "CallStatus", "completed",
                "CallDuration", String.valueOf(seconds + 15)));
        return new Exchange(callSid, steps(twiml), twiml);
    }

    /** The caller hangs up without leaving a message. */
    public Exchange hangUp(String userId, String callSid) {
        ownCall(userId, callSid);
        send("/twilio/voice/status", params("CallSid", callSid, "CallStatus", "completed", "CallDuration", "10"));
        return new Exchange(callSid, List.of(), null);
    }

    private void ownCall(String userId, String callSid) {
        CallRecord call = callSid == null ? null : Db.read(() -> calls.bySid(callSid));
        if (call == null || !call.userId.equals(userId) || !Carrier.SIMULATED.wire().equals(call.carrier)) {
            throw ProblemException.notFound("No simulated call " + callSid + ".");
        }
    }

    private String send(String path, Map<String, String> params) {
        String signature = new Signer(guard.simulatorToken()).sign(guard.publicUrl(path), params);
        return webhooks.receive(path, params, signature);
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", WebhookGuard.SIMULATOR_ACCOUNT);
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    /** What the TwiML makes Andy do, in order, for a person reading the simulator's answer. */
    static List<Step> steps(String twiml) {
        List<Step> steps = new ArrayList<>();
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(twiml)));
            var children = doc.getDocumentElement().getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i).getNodeType() != Node.ELEMENT_NODE) {
                    continue;
                }
                Element e = (Element) children.item(i);
                switch (e.getTagName()) {
                    case "Say" -> steps.add(new Step("say", e.getTextContent()));
                    case "Play" -> steps.add(new Step("play", e.getTextContent()));
                    case "Record" -> steps.add(new Step("record", "A beep, then Andy records the caller's message "
                            + "(up to " + e.getAttribute("maxLength") + " seconds) and transcribes it."));
                    case "Message" -> steps.add(new Step("reply", e.getTextContent()));
                    case "Hangup" -> steps.add(new Step("hangup", "Andy hangs up."));
                    default -> steps.add(new Step(e.getTagName().toLowerCase(), e.getTextContent()));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Andy's own TwiML did not parse", e);
        }
        return steps;
    }

    /** Twilio's signature scheme, through the SDK's validator's own algorithm (HMAC-SHA1, Base64). */
    private record Signer(String token) {
        String sign(String url, Map<String, String> params) {
            StringBuilder data = new StringBuilder(url);
            new java.util.TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
                mac.init(new javax.crypto.spec.SecretKeySpec(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "HmacSHA1"));
                return java.util.Base64.getEncoder().encodeToString(mac.doFinal(data.toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

}
