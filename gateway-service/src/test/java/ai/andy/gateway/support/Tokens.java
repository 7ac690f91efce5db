package ai.andy.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Mints tokens the way auth-service does (the contract in the gateway's README), with the key {@link FakeServices}
 * publishes, and the bad ones the gateway must refuse.
 */
public final class Tokens {

    /** A fresh user id, so no test shares a rate-limit bucket or a socket with another. */
    public static String newUserId() {
        return "u-" + UUID.randomUUID();
    }

    public static String access(String userId) {
        return sign(signingKey(), claims(userId, c -> {
        }));
    }

    public static String access(String userId, Consumer<JwtClaims> change) {
        return sign(signingKey(), claims(userId, change));
    }

    public static String expired(String userId) {
        return access(userId, c -> {
            c.setIssuedAt(NumericDate.fromSeconds(now() - 3600));
            c.setExpirationTime(NumericDate.fromSeconds(now() - 900));
        });
    }

    public static String service(String clientId) {
        return access(clientId, c -> {
            c.setClaim("token_use", "service");
            c.setStringListClaim("groups", "service");
        });
    }

    /** Signed by a key auth-service never published, under a key id it does not know either. */
    public static String unknownKey(String userId) {
        return sign(newKey("rogue-" + UUID.randomUUID()), claims(userId, c -> {
        }));
    }

    /** Same key id as the real key, but signed by another key: must fail the signature check, not the lookup. */
    public static String forgedWithKnownKid(String userId) {
        return sign(newKey(signingKey().getKeyId()), claims(userId, c -> {
        }));
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(String userId) {
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + signingKey().getKeyId() + "\"}";
        return base64(header) + "." + base64(claims(userId, c -> {
        }).toJson()) + ".";
    }

    /** HS256 with a shared secret, naming the real key id: the classic algorithm-confusion attempt. */
    public static String hmac(String userId) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims(userId, c -> {
            }).toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            jws.setKeyIdHeaderValue(signingKey().getKeyId());
            jws.setKey(new HmacKey("a-shared-secret-that-is-32-bytes!".getBytes(StandardCharsets.UTF_8)));
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RsaJsonWebKey newKey(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(RsaJsonWebKey key, JwtClaims claims) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JwtClaims claims(String userId, Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("andy");
        claims.setAudience("andy");
        claims.setSubject(userId);
        claims.setIssuedAt(NumericDate.fromSeconds(now()));
        claims.setExpirationTime(NumericDate.fromSeconds(now() + 900));
        claims.setGeneratedJwtId();
        claims.setClaim("token_use", "access");
        claims.setStringListClaim("groups", "user");
        change.accept(claims);
        return claims;
    }

    public static RsaJsonWebKey signingKey() {
        try {
            String json = ConfigProvider.getConfig().getValue("andy.test.signing-jwk", String.class);
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(json);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private Tokens() {
    }
}
