package ai.andy.events.intent;

/**
 * One intent of the contract between chat-service and the domain services: its name ({@code calendar.create}), the
 * record its parameters decode into, the record its owner answers with, and whether it may only run after the person
 * confirmed it.
 *
 * @param description what the intent does, in the words the language model reads as the tool's description
 */
public record IntentSpec<P, R>(String name, Class<P> params, Class<R> result, Confirmation confirmation,
        String description) {

    /** When chat's confirmation gate holds an intent back until the person confirms it. */
    public enum Confirmation {
        /** Read-only or private to the person: runs at once. */
        NEVER,
        /** Reaches other people or cannot be undone: always confirmed. */
        ALWAYS,
        /** Confirmed when its params say so ({@link ConditionalConfirmation}), e.g. an event that invites people. */
        WHEN_PARAMS_SAY
    }

    /** The service domain that carries the intent out: {@code calendar} for {@code task.create} too. */
    public String owner() {
        return Intents.ownerOf(name);
    }

    /** The topic the owner answers on, with the request's id. */
    public String resultTopic() {
        return Intents.resultTopic(name);
    }

    /** Whether these (decoded) params need the person's confirmation before the intent is released. */
    public boolean needsConfirmation(Object decodedParams) {
        return switch (confirmation) {
            case NEVER -> false;
            case ALWAYS -> true;
            case WHEN_PARAMS_SAY -> !(decodedParams instanceof ConditionalConfirmation c) || c.needsConfirmation();
        };
    }

    public static <P, R> IntentSpec<P, R> read(String name, Class<P> params, Class<R> result, String description) {
        return new IntentSpec<>(name, params, result, Confirmation.NEVER, description);
    }

    public static <P, R> IntentSpec<P, R> confirmed(String name, Class<P> params, Class<R> result,
            String description) {
        return new IntentSpec<>(name, params, result, Confirmation.ALWAYS, description);
    }
}
