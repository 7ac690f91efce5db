package ai.andy.gateway.security;

import java.security.Key;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

import ai.andy.gateway.config.AuthConfig;
import io.quarkus.logging.Log;
import io.vertx.core.Future;

/**
 * Verifies the access tokens auth-service signs: RS256 only, a key auth-service publishes, our issuer and audience,
 * not expired (with the configured skew), and {@code token_use=access} (service tokens are for service-to-service
 * calls and never enter through the gateway).
 * <p>
 * A verified token is remembered until it expires, so a person's requests cost one signature check per token rather
 * than one per request. Nothing here blocks: the only I/O (a JWKS refetch for an unknown key) is asynchronous.
 */
@Singleton
public class AccessTokens {
    private final SigningKeys keys;
    private final JwtConsumer consumer;
    private final long skewMillis;
    private final int cacheSize;
    private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();

    private final EndedSessions endedSessions;

    AccessTokens(SigningKeys keys, AuthConfig config, EndedSessions endedSessions) {
        this.keys = keys;
        this.endedSessions = endedSessions;
        this.skewMillis = config.clockSkew().toMillis();
        this.cacheSize = config.verifiedTokenCacheSize();
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver((jws, nested) -> resolve(jws))
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .build();
    }

    /**
     * The token's identity, or a failed future with an {@link InvalidTokenException}: also when its sign-in has
     * ended (see {@link EndedSessions}).
     */
    public Future<AccessToken> verify(String token) {
        return signed(token).compose(accepted -> endedSessions.ended(accepted.sessionId()).compose(ended -> ended
                ? Future.failedFuture(new InvalidTokenException("This sign-in has ended (signed out); sign in again."))
                : Future.succeededFuture(accepted)));
    }

    private Future<AccessToken> signed(String token) {
        AccessToken known = verified.get(token);
        if (known != null) {
            return stillValid(known) ? Future.succeededFuture(known) : Future.failedFuture(InvalidTokenException.expired());
        }
        String kid;
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(token);
            // Checked before any key lookup: "none" and HMAC tokens are refused whatever keys exist.
            if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(jws.getAlgorithmHeaderValue())) {
                return Future.failedFuture(new InvalidTokenException("The access token is not signed with RS256."));
            }
            kid = jws.getKeyIdHeaderValue();
        } catch (JoseException | RuntimeException e) {
            return Future.failedFuture(new InvalidTokenException("The access token is malformed."));
        }
        if (kid == null) {
            return Future.failedFuture(new InvalidTokenException("The access token names no signing key."));
        }
        return keys.key(kid).compose(key -> key == null
                ? Future.failedFuture(new InvalidTokenException("The access token was not signed by a current key."))
                : check(token));
    }

    private Future<AccessToken> check(String token) {
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            // Error codes only: jose4j's messages quote the claims, which are personal data.
            Log.debugf("access token refused, jose4j error codes %s",
                    e.getErrorDetails().stream().map(d -> d.getErrorCode()).toList());
            return Future.failedFuture(e.hasExpired() ? InvalidTokenException.expired()
                    : new InvalidTokenException("The access token is not valid."));
        }
        try {
            if (!"access".equals(claims.getClaimValueAsString("token_use"))) {
                return Future.failedFuture(new InvalidTokenException("Only access tokens are accepted here."));
            }
            AccessToken accepted = new AccessToken(claims.getSubject(),
                    Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis()),
                    claims.getClaimValueAsString("sid"));
            remember(token, accepted);
            return Future.succeededFuture(accepted);
        } catch (MalformedClaimException e) {
            return Future.failedFuture(new InvalidTokenException("The access token has malformed claims."));
        }
    }

    private Key resolve(JsonWebSignature jws) throws UnresolvableKeyException {
        Key key = keys.known(jws.getKeyIdHeaderValue());
        if (key == null) {
            throw new UnresolvableKeyException("unknown key id");
        }
        return key;
    }

    private boolean stillValid(AccessToken token) {
        return System.currentTimeMillis() < token.expiresAt().toEpochMilli() + skewMillis;
    }

    /** Bounded without a cache library: drop expired entries when full, and start over if that is not enough. */
    private void remember(String token, AccessToken accepted) {
        if (verified.size() >= cacheSize) {
            verified.values().removeIf(t -> !stillValid(t));
            if (verified.size() >= cacheSize) {
                verified.clear();
            }
        }
        verified.put(token, accepted);
    }
}
