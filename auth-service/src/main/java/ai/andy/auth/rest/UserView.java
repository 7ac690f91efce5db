package ai.andy.auth.rest;

import java.time.OffsetDateTime;

import ai.andy.auth.User;

/** A person as the API shows them: never the password hash. */
public record UserView(String id, String email, String displayName, String timezone, OffsetDateTime createdAt) {
    public static UserView of(User user) {
        return new UserView(user.id, user.email, user.displayName, user.timezone, user.createdAt);
    }
}
