package ai.andy.events.intent;

/** Phrases the params records share in their descriptions (part of the model's tool descriptions). */
public final class Descriptions {
    public static final String TIME = "ISO-8601 date-time with offset, in the person's time zone "
            + "(e.g. 2026-11-28T14:00:00+01:00)";
    public static final String PENDING = " Nothing happens yet: this creates a pending action that the person "
            + "confirms in the app.";

    private Descriptions() {
    }
}
