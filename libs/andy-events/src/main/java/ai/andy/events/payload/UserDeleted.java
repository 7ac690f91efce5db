package ai.andy.events.payload;

/** {@code user.deleted}: a person deleted their account; every service purges what it holds for them. */
public record UserDeleted(String userId) {
}
