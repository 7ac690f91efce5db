package ai.andy.events.intent;

/** Params of an intent whose need for confirmation depends on what it asks, e.g. whether an event invites anyone. */
public interface ConditionalConfirmation {
    boolean needsConfirmation();
}
