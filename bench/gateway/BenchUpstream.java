import java.nio.file.Files;
import java.nio.file.Path;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The service behind the gateway in the benchmark, playing auth-service: it publishes a JWK Set, mints one access
 * token (written to a file for the load generator) and answers every other GET with the same small JSON profile, so
 * direct and proxied requests hit the very same handler. Vert.x, one event loop per core, like a Quarkus service.
 * <ul>
 * <li>a path ending in {@code /verified}: first verifies the bearer token's signature and claims, as every Andy service
 * does on every request (the gateway's check does not replace theirs): the lightest real endpoint there is;</li>
 * <li>any other path: no work at all, which shows the gateway's cost at its most visible.</li>
 * </ul>
 *
 * Run with the gateway's own libraries on the class path: java -cp "quarkus-app/lib/main/*" BenchUpstream.java PORT TOKEN_FILE
 */
public class BenchUpstream {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("bench-key");
        Files.writeString(Path.of(args[1]), token(key, args.length < 3 || !"0".equals(args[2])));

        RsaJsonWebKey published = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(key.getRsaPublicKey());
        published.setKeyId(key.getKeyId());
        published.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        published.setUse("sig");
        Buffer jwks = Buffer.buffer(new JsonWebKeySet(published).toJson());
        Buffer profile = Buffer.buffer("{\"id\":\"bench-user\",\"email\":\"bench@example.org\",\"displayName\":\"Bench\","
                + "\"timezone\":\"Europe/Paris\"}");

        // Built like a service's verifier: no cache, every request's signature is checked.
        JwtConsumer verifier = new JwtConsumerBuilder().setVerificationKey(key.getRsaPublicKey())
                .setExpectedIssuer("andy").setExpectedAudience("andy").setRequireExpirationTime()
                .setRequireSubject().setAllowedClockSkewInSeconds(30).build();

        Vertx vertx = Vertx.vertx();
        int loops = Runtime.getRuntime().availableProcessors();
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                vertx.createHttpServer().requestHandler(request -> {
                    if (request.path().equals("/.well-known/jwks.json")) {
                        request.response().putHeader("Content-Type", "application/json").end(jwks);
                        return;
                    }
                    if (request.path().endsWith("/verified")) {
                        String header = request.getHeader("Authorization");
                        try {
                            verifier.processToClaims(header == null ? "" : header.substring("Bearer ".length()));
                        } catch (InvalidJwtException | RuntimeException e) {
                            request.response().setStatusCode(401).end();
                            return;
                        }
                    }
                    request.response().putHeader("Content-Type", "application/json").end(profile);
                }).listen(port, "127.0.0.1");
            }
        }, new DeploymentOptions().setInstances(loops)).toCompletionStage().toCompletableFuture().join();
        System.out.println("bench upstream ready on 127.0.0.1:" + port);
    }

    private static String token(RsaJsonWebKey key, boolean namesSignIn) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("andy");
        claims.setAudience("andy");
        claims.setSubject("bench-user");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setGeneratedJwtId();
        claims.setClaim("token_use", "access");
        if (namesSignIn) {
            // A sign-in id, as auth-service sets it: the gateway checks it against the deny-list of ended sign-ins.
            claims.setClaim("sid", java.util.UUID.randomUUID().toString());
        }
        claims.setStringListClaim("groups", "user");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
