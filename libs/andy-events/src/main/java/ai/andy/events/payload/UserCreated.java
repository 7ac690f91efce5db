package ai.andy.events.payload;

/** {@code user.created}: a person signed up. Published by auth-service. */
public record UserCreated(String userId, String email, String displayName, String timezone) {
}
