package ai.andy.telephony;

/** Which network a line, a text or a call went over. Simulated ones are recorded and go nowhere. */
public enum Carrier {
    TWILIO, SIMULATED;

    public String wire() {
        return name().toLowerCase();
    }

    public static Carrier of(String wire) {
        return valueOf(wire.toUpperCase());
    }
}
