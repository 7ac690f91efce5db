package ai.andy.runtime.security;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Checks an Andy token (signed by auth-service): RS256 only (so {@code alg: none} and HMAC tricks fail), a key
 * auth-service publishes, Andy's issuer and audience, not expired (30 s of clock skew), a subject, and a known use.
 * May block (fetching the JWKS): call it off the event loop.
 */
@ApplicationScoped
public class AccessTokenVerifier {
    public static final String AUDIENCE = "andy";
    public static final String TOKEN_USE = "token_use";
    public static final String USE_ACCESS = "access";
    public static final String USE_SERVICE = "service";

    private final JwtConsumer consumer;

    AccessTokenVerifier(VerificationKeyResolver keys, @ConfigProperty(name = "andy.auth.issuer") String issuer) {
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(AUDIENCE)
                .setVerificationKeyResolver(keys)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    /** The verified token's subject and role; throws {@link InvalidTokenException} with a reason safe to show. */
    public VerifiedToken verify(String token) {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String use = claims.getStringClaimValue(TOKEN_USE);
            if (!USE_ACCESS.equals(use) && !USE_SERVICE.equals(use)) {
                throw new InvalidTokenException("the token is not an access token");
            }
            return new VerifiedToken(claims.getSubject(), USE_SERVICE.equals(use) ? Set.of("service") : Set.of("user"),
                    claims.getExpirationTime().getValueInMillis());
        } catch (InvalidJwtException e) {
            throw new InvalidTokenException(e.hasExpired() ? "the token has expired" : "the token is not valid");
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("the token is not valid");
        }
    }

    /** Who a token speaks for: a person ({@code user}) or an Andy service ({@code service}). */
    public record VerifiedToken(String subject, Set<String> roles, long expiresAtMillis) {
        public List<String> roleList() {
            return List.copyOf(roles);
        }
    }

    public static class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }
}
