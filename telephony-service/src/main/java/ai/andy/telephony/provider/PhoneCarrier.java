package ai.andy.telephony.provider;

import java.math.BigDecimal;

import ai.andy.telephony.Carrier;

/** A network that carries texts and calls: Twilio, or the simulated one that records and delivers nothing. */
public interface PhoneCarrier {

    Carrier kind();

    /** Hands a text to the network; status updates arrive later at {@code statusCallback}. */
    SentText sendText(String from, String to, String body, String statusCallback) throws CarrierException;

    /** Places a call that runs {@code twiml} when answered; status updates arrive at {@code statusCallback}. */
    PlacedCall placeCall(String from, String to, String twiml, String statusCallback) throws CarrierException;

    record SentText(String sid, String status, BigDecimal price, String priceUnit) {
    }

    record PlacedCall(String sid, String status) {
    }
}
