package ai.andy.auth.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.User;
import ai.andy.auth.config.AuthConfig;
import ai.andy.auth.repository.UserRepository;
import ai.andy.auth.security.LoginThrottle;
import ai.andy.auth.security.RefreshTokens;
import ai.andy.auth.security.RefreshTokens.Outcome;
import ai.andy.auth.security.TokenIssuer;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Signing in, staying signed in (refresh) and signing out. Created at start-up: its decoy hash takes a bcrypt's time,
 * which must not be spent on an event loop by the first sign-in.
 */
@Startup
@ApplicationScoped
public class SessionService {
    /** Verified against when the address is unknown, so a wrong address takes as long as a wrong password. */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("no such account, but the same work", 12);

    private final UserRepository users;
    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final TokenIssuer tokens;
    private final AuthConfig config;
    private final Vertx vertx;

    SessionService(UserRepository users, LoginThrottle throttle, RefreshTokens refreshTokens, TokenIssuer tokens,
            AuthConfig config, Vertx vertx) {
        this.users = users;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.config = config;
        this.vertx = vertx;
    }

    public record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType) {
        Tokens(String accessToken, String refreshToken, long expiresIn) {
            this(accessToken, refreshToken, expiresIn, "Bearer");
        }
    }

    public Uni<Tokens> login(String email, String password, String clientAddress) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            return Uni.createFrom().failure(wrongCredentials());
        }
        return throttle.check(email, clientAddress)
                .chain(() -> Panache.withSession(() -> users.findByEmail(email)))
                .chain(user -> vertx.executeBlocking(Uni.createFrom().item(() ->
                        BcryptUtil.matches(password, user != null ? user.passwordHash : DECOY_HASH) && user != null))
                        .chain(matches -> matches
                                ? throttle.recordSuccess(email, clientAddress).chain(() -> startSession(user))
                                : throttle.recordFailure(email, clientAddress)
                                        .chain(() -> Uni.createFrom().failure(wrongCredentials()))));
    }

    public Uni<Tokens> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Uni.createFrom().failure(ProblemException.badRequest("Send the refresh token as refreshToken.",
                    java.util.List.of(new ai.andy.runtime.problem.Problem.FieldError("refreshToken", "required"))));
        }
        return Panache.withTransaction(() -> refreshTokens.rotate(refreshToken)).map(rotation -> {
            if (rotation.outcome() == Outcome.REUSED) {
                throw new ProblemException(401, "Unauthorized",
                        "This refresh token was already used, so this sign-in has been ended everywhere. Sign in again.");
            }
            if (rotation.outcome() != Outcome.ROTATED) {
                throw new ProblemException(401, "Unauthorized", "This refresh token is not valid any more. Sign in again.");
            }
            return new Tokens(tokens.accessToken(rotation.userId(), rotation.sessionId()), rotation.nextToken(),
                    config.accessTokenLifetime().toSeconds());
        });
    }

    public Uni<Void> logout(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> refreshTokens.revokeFamilyOf(refreshToken));
    }

    private Uni<Tokens> startSession(User user) {
        UUID sessionId = UUID.randomUUID();
        return Panache.withTransaction(() -> refreshTokens.startFamily(user.id, sessionId))
                .map(refresh -> new Tokens(tokens.accessToken(user.id, sessionId), refresh,
                        config.accessTokenLifetime().toSeconds()));
    }

    private static ProblemException wrongCredentials() {
        return new ProblemException(401, "Unauthorized", "The email address or the password is not right.");
    }
}
