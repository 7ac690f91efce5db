package ai.andy.auth.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.Connection;
import ai.andy.auth.config.OAuthConfig;
import ai.andy.auth.provider.OAuthProviders;
import ai.andy.auth.provider.ProviderException;
import ai.andy.auth.provider.ProviderTokens;
import ai.andy.auth.repository.ConnectionRepository;
import ai.andy.events.Topics;
import ai.andy.events.payload.ConnectionChanged;
import ai.andy.events.payload.NotifyUser;
import ai.andy.runtime.crypto.Vault;
import ai.andy.runtime.outbox.Outbox;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Valid access tokens for the other services, refreshed shortly before they expire. One refresh at a time per
 * connection across every instance: a Redis lock decides who calls the provider, and a version check on the row
 * keeps a late writer from overwriting a newer token. Everyone else waits for the winner's token.
 */
@ApplicationScoped
public class AccessTokenService {
    private static final String LOCK_PREFIX = "andy:auth:refresh-lock:";
    private static final Duration LOCK_LEASE = Duration.ofSeconds(30);
    private static final Duration WAIT_STEP = Duration.ofMillis(50);
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(20);

    private final ConnectionRepository connections;
    private final OAuthProviders providers;
    private final Vault vault;
    private final Outbox outbox;
    private final OAuthConfig config;
    private final Vertx vertx;
    private final ReactiveRedisDataSource redis;
    private final ReactiveKeyCommands<String> keys;

    AccessTokenService(ConnectionRepository connections, OAuthProviders providers, Vault vault, Outbox outbox,
            OAuthConfig config, Vertx vertx, ReactiveRedisDataSource redis) {
        this.connections = connections;
        this.providers = providers;
        this.vault = vault;
        this.outbox = outbox;
        this.config = config;
        this.vertx = vertx;
        this.redis = redis;
        this.keys = redis.key();
    }

    public record AccessToken(String accessToken, OffsetDateTime expiresAt, String provider, String account) {
        @Override
        public String toString() {
            return "AccessToken[" + provider + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** A token valid for at least the refresh margin, for a connection that belongs to {@code userId}. */
    public Uni<AccessToken> forConnection(String userId, UUID connectionId) {
        return load(userId, connectionId).chain(connection -> fresh(connection)
                ? Uni.createFrom().item(() -> open(connection))
                : refreshOnce(userId, connectionId, connection.version, false, OffsetDateTime.now().plus(WAIT_LIMIT)))
                .onFailure(Vault.VaultException.class).recoverWithUni(unopenable -> unreadable(userId, connectionId));
    }

    /**
     * The connection's tokens were sealed under a keyset this service no longer has (an operator lost or replaced
     * it): nothing can recover them, so the person is asked to connect again, as after a revoked grant.
     */
    private Uni<AccessToken> unreadable(String userId, UUID connectionId) {
        return load(userId, connectionId).chain(connection -> {
            Log.warnf("a %s connection's tokens cannot be opened with the current vault keyset", connection.provider);
            return markNeedsReauth(connection).chain(() -> Uni.createFrom().<AccessToken>failure(needsReauth(connection)));
        });
    }

    /**
     * @param force refresh even a token that is still fresh (keep-alive), unless someone refreshed it since
     *              {@code seenVersion}
     */
    private Uni<AccessToken> refreshOnce(String userId, UUID connectionId, long seenVersion, boolean force,
            OffsetDateTime giveUpAt) {
        String lockKey = LOCK_PREFIX + connectionId;
        String holder = UUID.randomUUID().toString();
        // SET NX PX: one holder at a time, and the lease frees the lock if its holder dies.
        return redis.execute("SET", lockKey, holder, "NX", "PX", String.valueOf(LOCK_LEASE.toMillis()))
                .chain(reply -> {
                    if (reply != null) {
                        return refreshHoldingLock(userId, connectionId, seenVersion, force)
                                .onTermination().call(() -> keys.del(lockKey));
                    }
                    return waitForOther(userId, connectionId, seenVersion, force, giveUpAt);
                });
    }

    /** Another caller (here or on another instance) is refreshing: wait for its token, or take over if it vanished. */
    private Uni<AccessToken> waitForOther(String userId, UUID connectionId, long seenVersion, boolean force,
            OffsetDateTime giveUpAt) {
        if (OffsetDateTime.now().isAfter(giveUpAt)) {
            return Uni.createFrom().failure(new ProblemException(503, "Provider slow",
                    "Refreshing the connection's token is taking too long; try again shortly."));
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(WAIT_STEP)
                .chain(() -> load(userId, connectionId))
                .chain(connection -> {
                    if (!Connection.ACTIVE.equals(connection.status)) {
                        return Uni.createFrom().failure(needsReauth(connection));
                    }
                    if (connection.version != seenVersion && fresh(connection)) {
                        return Uni.createFrom().item(open(connection));
                    }
                    return keys.exists(LOCK_PREFIX + connectionId).chain(locked -> locked
                            ? waitForOther(userId, connectionId, seenVersion, force, giveUpAt)
                            : refreshOnce(userId, connectionId, connection.version, force, giveUpAt));
                });
    }

    private Uni<AccessToken> refreshHoldingLock(String userId, UUID connectionId, long seenVersion, boolean force) {
        return load(userId, connectionId).chain(connection -> {
            boolean refreshedMeanwhile = connection.version != seenVersion;
            if (refreshedMeanwhile ? fresh(connection) : !force && fresh(connection)) {
                return Uni.createFrom().item(open(connection)); // refreshed while we queued for the lock
            }
            if (connection.refreshToken == null) {
                return markNeedsReauth(connection).chain(() -> Uni.createFrom().failure(needsReauth(connection)));
            }
            String refreshToken = vault.openString(connection.refreshToken, connection.associatedData("refresh"));
            var provider = providers.get(connection.provider);
            return vertx.executeBlocking(Uni.createFrom().item(() -> provider.refresh(refreshToken)))
                    .onFailure(e -> e instanceof ProviderException p && p.kind() == ProviderException.Kind.TRANSIENT)
                    .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(3)).withJitter(0.5).atMost(3)
                    .chain(tokens -> save(connection, tokens))
                    .onFailure(e -> e instanceof ProviderException p && p.kind() == ProviderException.Kind.INVALID_GRANT)
                    .call(() -> markNeedsReauth(connection))
                    .onFailure(ProviderException.class).transform(e -> {
                        ProviderException p = (ProviderException) e;
                        return p.kind() == ProviderException.Kind.INVALID_GRANT ? needsReauth(connection)
                                : new ProblemException(502, "Provider error",
                                        connection.provider + " did not renew the access: " + p.getMessage());
                    });
        });
    }

    /** Saves the new tokens if nobody else did meanwhile (version check); either way returns the newest token. */
    private Uni<AccessToken> save(Connection stale, ProviderTokens tokens) {
        return Panache.withTransaction(() -> connections.findById(stale.id).chain(current -> {
            if (current.version != stale.version) {
                return Uni.createFrom().item(open(current));
            }
            ConnectionTokens.apply(vault, current, tokens);
            current.version = current.version + 1;
            return Uni.createFrom().item(open(current));
        }));
    }

    /** The grant is gone: the person must reconnect. Said once, with no retry loop. */
    private Uni<Void> markNeedsReauth(Connection connection) {
        Log.infof("a %s connection needs to be reconnected", connection.provider);
        return Panache.withTransaction(() -> connections.findById(connection.id).chain(current -> {
            if (current == null || Connection.NEEDS_REAUTH.equals(current.status)) {
                return Uni.createFrom().voidItem();
            }
            current.status = Connection.NEEDS_REAUTH;
            current.version = current.version + 1;
            return outbox.add(Topics.CONNECTION_CHANGED, current.userId, new ConnectionChanged(current.id.toString(),
                    current.provider, current.account, Connection.NEEDS_REAUTH))
                    .chain(() -> outbox.add(Topics.NOTIFY_USER, current.userId, new NotifyUser("connection.needs_reauth",
                            "Reconnect your " + label(current.provider) + " account",
                            "Andy can no longer reach " + current.account + ". Connect it again to keep your mail and "
                                    + "calendar in sync.",
                            Map.of("connectionId", current.id.toString(), "provider", current.provider))));
        }));
    }

    /** Keeps grants alive: providers let unused refresh tokens lapse. */
    @Scheduled(every = "${andy.oauth.keep-alive-check:1h}", delayed = "5m", concurrentExecution = ConcurrentExecution.SKIP,
                skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledKeepAlive() {
        return keepAlive();
    }

    /** Refreshes every active connection not refreshed within the keep-alive age. */
    public Uni<Void> keepAlive() {
        return Panache.withSession(() -> connections.dueForKeepAlive(OffsetDateTime.now().minus(config.keepAliveAge())))
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(c -> refreshOnce(c.userId, c.id, c.version, true,
                        OffsetDateTime.now().plus(WAIT_LIMIT))
                        .replaceWithVoid()
                        .onFailure().invoke(e -> Log.warnf("keep-alive refresh of a %s connection failed: %s",
                                c.provider, e.getMessage()))
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }

    private Uni<Connection> load(String userId, UUID connectionId) {
        return Panache.withSession(() -> connections.owned(userId, connectionId)).map(connection -> {
            if (connection == null) {
                throw ProblemException.notFound("This person has no connection " + connectionId + ".");
            }
            if (!Connection.ACTIVE.equals(connection.status)) {
                throw needsReauth(connection);
            }
            return connection;
        });
    }

    private boolean fresh(Connection connection) {
        return connection.accessExpiresAt.isAfter(OffsetDateTime.now().plus(config.refreshMargin()));
    }

    private AccessToken open(Connection connection) {
        return new AccessToken(vault.openString(connection.accessToken, connection.associatedData("access")),
                connection.accessExpiresAt, connection.provider, connection.account);
    }

    private static ProblemException needsReauth(Connection connection) {
        return new ProblemException(409, "Reconnection needed", "The " + label(connection.provider) + " account "
                + connection.account + " must be connected again.");
    }

    private static String label(String provider) {
        return "google".equals(provider) ? "Google" : "Microsoft";
    }
}
