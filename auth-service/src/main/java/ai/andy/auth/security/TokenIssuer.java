package ai.andy.auth.security;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import ai.andy.auth.config.AuthConfig;
import ai.andy.runtime.security.AccessTokenVerifier;

/** Signs Andy's access tokens (for people) and service tokens (for Andy's own services). */
@ApplicationScoped
public class TokenIssuer {
    private final SigningKeys keys;
    private final AuthConfig config;

    TokenIssuer(SigningKeys keys, AuthConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /** A person's access token, naming its sign-in ({@code sid}) so the gateway can refuse it once that ends. */
    public String accessToken(String userId, UUID sessionId) {
        return sign(userId, AccessTokenVerifier.USE_ACCESS, "user", config.accessTokenLifetime(),
                claims -> claims.setClaim("sid", sessionId.toString()));
    }

    public String serviceToken(String serviceName) {
        return sign(serviceName, AccessTokenVerifier.USE_SERVICE, "service", config.serviceTokenLifetime(), claims -> {
        });
    }

    private String sign(String subject, String use, String group, Duration lifetime, Consumer<JwtClaims> extra) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.issuer());
        claims.setAudience(AccessTokenVerifier.AUDIENCE);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(lifetime.toSeconds());
        claims.setExpirationTime(expiry);
        claims.setGeneratedJwtId();
        claims.setClaim(AccessTokenVerifier.TOKEN_USE, use);
        claims.setStringListClaim("groups", List.of(group));
        extra.accept(claims);

        RsaJsonWebKey key = keys.signer();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
