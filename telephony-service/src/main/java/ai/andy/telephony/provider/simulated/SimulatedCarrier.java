package ai.andy.telephony.provider.simulated;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.telephony.Carrier;
import ai.andy.telephony.provider.PhoneCarrier;

/**
 * The carrier of everyone without Twilio: a text or call is given a SID in Twilio's shape and goes nowhere. What
 * was "sent" is recorded by the caller and shown as simulated; nothing leaves the machine.
 */
@ApplicationScoped
public class SimulatedCarrier implements PhoneCarrier {

    @Override
    public Carrier kind() {
        return Carrier.SIMULATED;
    }

    @Override
    public SentText sendText(String from, String to, String body, String statusCallback) {
        return new SentText(sid("SM"), "sent", null, null);
    }

    @Override
    public PlacedCall placeCall(String from, String to, String twiml, String statusCallback) {
        return new PlacedCall(sid("CA"), "completed");
    }

    /** A SID in Twilio's form (two letters + 32 hex digits), marked so it can never collide with a real one. */
    public static String sid(String prefix) {
        return prefix + "5100" + UUID.randomUUID().toString().replace("-", "").substring(4);
    }
}
