package ai.andy.gateway.security;

import java.time.Instant;

/** A verified access token: who it speaks for, and until when. */
public record AccessToken(String userId, Instant expiresAt) {
}
