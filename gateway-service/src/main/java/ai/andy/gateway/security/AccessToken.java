package ai.andy.gateway.security;

import java.time.Instant;

/**
 * A verified access token: who it speaks for, until when, and the sign-in it belongs to ({@code sid}; null in tokens
 * issued before sign-ins were named).
 */
public record AccessToken(String userId, Instant expiresAt, String sessionId) {
}
