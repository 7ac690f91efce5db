package ai.andy.telephony.service;

import java.util.Optional;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Say;

/** The TwiML Andy answers webhooks with, written by the SDK's builders. */
final class Twiml {
    static final String GREETING = "Hello. You have reached Andy, a digital assistant. The person you are calling "
            + "cannot take your call right now. Please leave a message after the tone, and I will pass it on.";
    static final String NO_MESSAGE = "I did not hear a message. Goodbye.";
    static final String THANKS = "Thank you. I will pass your message on. Goodbye.";
    static final String NOT_IN_SERVICE = "The number you have called is not in service. Goodbye.";
    static final String HELP = "This is Andy, a digital assistant, texting for the person who owns this number. "
            + "Reply STOP to receive no more texts from this number, START to receive them again.";

    private Twiml() {
    }

    /** Greet (in the person's own recorded voice when there is one), then take a message with transcription. */
    static String answer(Optional<String> greetingUrl, String recordedUrl, String transcriptionUrl) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        greetingUrl.ifPresentOrElse(url -> response.play(new Play.Builder(url).build()),
                () -> response.say(new Say.Builder(GREETING).build()));
        return response.record(new Record.Builder().action(recordedUrl).transcribe(true)
                        .transcribeCallback(transcriptionUrl).maxLength(120).timeout(5).playBeep(true).build())
                .say(new Say.Builder(NO_MESSAGE).build())
                .hangup(new Hangup.Builder().build())
                .build().toXml();
    }

    static String sayAndHangUp(String text) {
        return new VoiceResponse.Builder().say(new Say.Builder(text).build()).hangup(new Hangup.Builder().build())
                .build().toXml();
    }

    static String reply(String text) {
        return new MessagingResponse.Builder().message(new Message.Builder().body(new Body.Builder(text).build())
                .build()).build().toXml();
    }

    static String nothing() {
        return new MessagingResponse.Builder().build().toXml();
    }

    static String outboundMessage(String purpose) {
        String text = purpose == null || purpose.isBlank()
                ? "Hello, this is Andy, a digital assistant. I was asked to call you. Goodbye."
                : "Hello, this is Andy, a digital assistant, calling with a message: " + purpose + ". Goodbye.";
        return sayAndHangUp(text);
    }
}
