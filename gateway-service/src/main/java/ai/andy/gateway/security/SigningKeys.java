package ai.andy.gateway.security;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import ai.andy.gateway.config.AuthConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * auth-service's public signing keys, by key id, fetched from its JWK Set without blocking.
 * <p>
 * Refreshed on a timer (every few seconds until the first success, so a gateway that starts before auth-service
 * catches up). An unknown {@code kid} triggers one refetch, at most once per {@code jwks-min-refetch-interval}:
 * that is how a newly rotated key is picked up before the timer, without letting forged key ids flood auth-service.
 */
@Singleton
public class SigningKeys {
    private static final long RETRY_UNTIL_FIRST_KEYS_MS = 2000;

    private final Vertx vertx;
    private final AuthConfig config;
    private final HttpClient client;
    private volatile Map<String, PublicKey> keys = Map.of();
    private long lastFetchNanos;
    private Future<Void> fetching;
    private volatile boolean stopped;

    SigningKeys(Vertx vertx, AuthConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000)
                .setSsl("https".equals(config.jwksUrl().getScheme())));
    }

    void start(@Observes StartupEvent started) {
        scheduleRefresh(0);
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
        client.close();
    }

    /** The key with this id, or {@code null} when auth-service does not publish it (after one permitted refetch). */
    public Future<PublicKey> key(String kid) {
        PublicKey key = keys.get(kid);
        if (key != null) {
            return Future.succeededFuture(key);
        }
        Future<Void> refetch = refetchIfAllowed();
        return refetch == null ? Future.succeededFuture(null) : refetch.map(v -> keys.get(kid)).otherwise(e -> null);
    }

    /** A key already known, for the verifier once {@link #key} made sure of it. */
    PublicKey known(String kid) {
        return keys.get(kid);
    }

    private synchronized Future<Void> refetchIfAllowed() {
        if (fetching != null) {
            return fetching; // join the fetch already under way
        }
        long since = System.nanoTime() - lastFetchNanos;
        if (lastFetchNanos != 0 && since < config.jwksMinRefetchInterval().toNanos()) {
            return null;
        }
        return fetch();
    }

    private synchronized Future<Void> fetch() {
        if (fetching != null) {
            return fetching;
        }
        lastFetchNanos = System.nanoTime();
        Promise<Void> done = Promise.promise();
        fetching = done.future();
        RequestOptions get = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(config.jwksUrl().toString())
                .setIdleTimeout(3000).putHeader("Accept", "application/json");
        client.request(get)
                .compose(request -> request.send().compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode())))
                .timeout(5, TimeUnit.SECONDS)
                .onComplete(result -> {
                    if (result.succeeded()) {
                        accept(result.result());
                    } else {
                        Log.warnf("cannot fetch the signing keys from %s: %s", config.jwksUrl(), result.cause().getMessage());
                    }
                    synchronized (this) {
                        fetching = null;
                    }
                    done.complete();
                });
        return done.future();
    }

    private void accept(Buffer body) {
        try {
            Map<String, PublicKey> fresh = new HashMap<>();
            for (JsonWebKey jwk : new JsonWebKeySet(body.toString()).getJsonWebKeys()) {
                if (usable(jwk)) {
                    fresh.put(jwk.getKeyId(), ((RsaJsonWebKey) jwk).getRsaPublicKey());
                }
            }
            if (fresh.isEmpty()) {
                Log.warnf("%s publishes no usable RS256 signing key; keeping the %d known", config.jwksUrl(), keys.size());
                return;
            }
            keys = Map.copyOf(fresh);
        } catch (JoseException | RuntimeException e) {
            Log.warnf("%s did not return a valid JWK Set: %s", config.jwksUrl(), e.getMessage());
        }
    }

    private static boolean usable(JsonWebKey jwk) {
        return jwk instanceof RsaJsonWebKey rsa
                && jwk.getKeyId() != null
                && (jwk.getUse() == null || "sig".equals(jwk.getUse()))
                && (jwk.getAlgorithm() == null || AlgorithmIdentifiers.RSA_USING_SHA256.equals(jwk.getAlgorithm()))
                && ((RSAPublicKey) rsa.getPublicKey()).getModulus().bitLength() >= 2048;
    }

    private void scheduleRefresh(long delayMs) {
        if (stopped) {
            return;
        }
        Runnable refresh = () -> fetch().onComplete(done -> scheduleRefresh(
                keys.isEmpty() ? RETRY_UNTIL_FIRST_KEYS_MS : config.jwksRefreshEvery().toMillis()));
        if (delayMs == 0) {
            refresh.run();
        } else {
            vertx.setTimer(delayMs, id -> refresh.run());
        }
    }
}
