package ai.andy.voice.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Which sign-in a consent was given under: the id ({@code jti}) of the verified access token of this request. Andy's
 * tokens carry no separate session id, so the token id is the finest record there is.
 */
@RequestScoped
public class TokenSession {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecurityIdentity identity;

    TokenSession(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String id() {
        TokenCredential token = identity.getCredential(TokenCredential.class);
        if (token == null) {
            return null;
        }
        try {
            String[] parts = token.getToken().split("\\.");
            byte[] claims = Base64.getUrlDecoder().decode(parts[1]);
            String jti = JSON.readTree(new String(claims, StandardCharsets.UTF_8)).path("jti").asText(null);
            return jti == null ? null : "token:" + jti;
        } catch (RuntimeException | java.io.IOException e) {
            return null; // the token was verified already; a missing claim only leaves the record without it
        }
    }
}
