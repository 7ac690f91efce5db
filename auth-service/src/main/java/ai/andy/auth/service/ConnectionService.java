package ai.andy.auth.service;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.Connection;
import ai.andy.auth.config.OAuthConfig;
import ai.andy.auth.provider.OAuthProvider;
import ai.andy.auth.provider.OAuthProviders;
import ai.andy.auth.provider.ProviderException;
import ai.andy.auth.provider.ProviderTokens;
import ai.andy.auth.repository.ConnectionRepository;
import ai.andy.auth.repository.UserRepository;
import ai.andy.events.Topics;
import ai.andy.events.payload.ConnectionChanged;
import ai.andy.runtime.crypto.Vault;
import ai.andy.runtime.outbox.Outbox;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** Connecting, listing and disconnecting a person's Google and Microsoft accounts. */
@ApplicationScoped
public class ConnectionService {
    private final OAuthProviders providers;
    private final OAuthStates states;
    private final ConnectionRepository connections;
    private final UserRepository users;
    private final Vault vault;
    private final Outbox outbox;
    private final OAuthConfig config;
    private final Vertx vertx;

    ConnectionService(OAuthProviders providers, OAuthStates states, ConnectionRepository connections,
            UserRepository users, Vault vault, Outbox outbox, OAuthConfig config, Vertx vertx) {
        this.providers = providers;
        this.states = states;
        this.connections = connections;
        this.users = users;
        this.vault = vault;
        this.outbox = outbox;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * A connection as the person sees it: never a token. {@code missingScopes}: what Andy asks for today but this
     * grant lacks (e.g. tasks, for accounts connected before Andy asked for them); connecting the provider again adds
     * them to the existing grant (Google: include_granted_scopes).
     */
    public record ConnectionView(String id, String provider, String account, List<String> scopes,
            List<String> missingScopes, String status, OffsetDateTime lastRefreshedAt, OffsetDateTime connectedAt) {
        static ConnectionView of(Connection c, String requested) {
            List<String> granted = List.of(c.scopes.split(" "));
            return new ConnectionView(c.id.toString(), c.provider, c.account, granted,
                    GrantedScopes.missing(requested, granted), c.status, c.lastRefreshedAt, c.createdAt);
        }
    }

    public Uni<URI> start(String userId, String providerName) {
        OAuthProvider provider = providers.get(providerName);
        if (!provider.configured()) {
            throw new ProblemException(503, "Provider not set up", "Connecting " + providerName
                    + " accounts is not set up on this Andy: its operator must set the OAuth client id and secret.");
        }
        return states.begin(userId, providerName).map(p -> provider.authorizationUrl(p.state(), p.codeVerifier()));
    }

    /**
     * Finishes an authorization the browser returns from; answers where to send the browser next. Nothing is stored
     * unless the state is this provider's, unused and fresh, and the provider granted tokens.
     */
    public Uni<URI> finish(String providerName, String code, String state, String providerError) {
        OAuthProvider provider = providers.get(providerName);
        return states.take(state).chain(pending -> {
            if (pending.isEmpty() || !pending.get().provider().equals(providerName)) {
                return Uni.createFrom().item(outcome(providerName, "error", "invalid_state"));
            }
            if (providerError != null) {
                return Uni.createFrom().item(outcome(providerName, "error",
                        "access_denied".equals(providerError) ? "access_denied" : "provider_error"));
            }
            if (code == null || code.isBlank()) {
                return Uni.createFrom().item(outcome(providerName, "error", "missing_code"));
            }
            String userId = pending.get().userId();
            return blocking(() -> {
                ProviderTokens tokens = provider.exchangeCode(code, pending.get().codeVerifier());
                return Map.entry(tokens, provider.accountAddress(tokens.accessToken()));
            }).chain(granted -> Panache.withTransaction(() -> store(userId, providerName, granted.getKey(), granted.getValue())))
                    .map(connection -> outcome(providerName, "connected", null))
                    .onFailure(ProviderException.class).recoverWithItem(e -> {
                        Log.warnf("connecting %s failed: %s", providerName, e.getMessage());
                        return outcome(providerName, "error", "provider_error");
                    });
        });
    }

    private String requestedScopes(String provider) {
        return switch (provider) {
            case "google" -> config.google().scopes();
            case "microsoft" -> config.microsoft().scopes();
            default -> "";
        };
    }

    public Uni<List<ConnectionView>> list(String userId) {
        return Panache.withSession(() -> users.findById(userId).chain(user -> connections.forUser(userId).map(found -> {
            List<ConnectionView> views = new ArrayList<>();
            if (user != null) {
                // The built-in mailbox and calendar are always there; they hold no tokens.
                views.add(new ConnectionView("local", "local", user.email, List.of("mail", "calendar", "tasks"),
                        List.of(), "active", null, user.createdAt));
            }
            found.forEach(c -> views.add(ConnectionView.of(c, requestedScopes(c.provider))));
            return views;
        })));
    }

    /** Revokes the grant where the provider allows it, deletes the tokens, and tells the other services. */
    public Uni<Void> disconnect(String userId, UUID id) {
        return Panache.withSession(() -> connections.owned(userId, id)).chain(connection -> {
            if (connection == null) {
                throw ProblemException.notFound("You have no connection " + id + ".");
            }
            String token = connection.refreshToken != null
                    ? vault.openString(connection.refreshToken, connection.associatedData("refresh"))
                    : vault.openString(connection.accessToken, connection.associatedData("access"));
            OAuthProvider provider = providers.get(connection.provider);
            return blocking(() -> provider.revoke(token))
                    .onFailure().recoverWithItem(e -> {
                        Log.warnf("revoking a %s grant failed (%s); deleting the tokens anyway", connection.provider,
                                e.getMessage());
                        return false;
                    })
                    .chain(() -> Panache.withTransaction(() -> connections.delete("id = ?1 and userId = ?2", id, userId)
                            .chain(() -> outbox.add(Topics.CONNECTION_CHANGED, userId, new ConnectionChanged(
                                    id.toString(), connection.provider, connection.account, "revoked")))));
        });
    }

    private Uni<Connection> store(String userId, String providerName, ProviderTokens tokens, String account) {
        return connections.byAccount(userId, providerName, account).chain(existing -> {
            Connection connection = existing;
            Uni<Void> persist;
            if (connection == null) {
                connection = new Connection();
                connection.id = UUID.randomUUID();
                connection.userId = userId;
                connection.provider = providerName;
                connection.account = account;
                connection.createdAt = OffsetDateTime.now();
            }
            ConnectionTokens.apply(vault, connection, tokens);
            connection.status = Connection.ACTIVE;
            Connection saved = connection;
            persist = existing == null ? connections.persist(saved).replaceWithVoid() : Uni.createFrom().voidItem();
            return persist.chain(() -> outbox.add(Topics.CONNECTION_CHANGED, userId,
                    new ConnectionChanged(saved.id.toString(), providerName, account, Connection.ACTIVE)))
                    .replaceWith(saved);
        });
    }

    private URI outcome(String provider, String outcome, String reason) {
        String query = "?connection=" + provider + "&outcome=" + outcome + (reason != null ? "&reason=" + reason : "");
        return config.publicUrl().resolve("/" + query);
    }

    private <T> Uni<T> blocking(Supplier<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(work));
    }
}
