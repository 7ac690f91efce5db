package ai.andy.gateway.ws;

import java.util.List;

import ai.andy.gateway.config.AuthConfig;
import ai.andy.gateway.config.GatewayConfig;
import ai.andy.gateway.security.AccessToken;
import ai.andy.gateway.security.AccessTokens;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * {@code /ws}: live notifications for the signed-in person. The token never goes in the URL (URLs end up in logs):
 * <ul>
 * <li>the client offers the subprotocols {@code andy.v1} and {@code bearer.<access token>}; the server selects
 * {@code andy.v1} (configured in {@code quarkus.websockets-next.server.supported-subprotocols});</li>
 * <li>or, where a client cannot set subprotocols, its first text message is {@code {"type":"auth","token":"..."}},
 * within {@code andy.gateway.ws.auth-timeout}.</li>
 * </ul>
 * Once authenticated the server sends {@code {"type":"ready","expiresAt":...}}. The connection is closed (1008, policy
 * violation) on a bad token, on no token in time, and when the token expires, unless the client sent a fresh one for
 * the same person first with another auth message; a client that was closed reconnects with a fresh token.
 */
@WebSocket(path = "/ws")
public class NotificationSocket {
    static final int POLICY_VIOLATION = 1008;
    private static final UserData.TypedKey<Session> SESSION = new UserData.TypedKey<>("andy.ws.session");

    private final AccessTokens tokens;
    private final UserSockets sockets;
    private final Vertx vertx;
    private final long authTimeoutMs;
    private final long skewMs;

    NotificationSocket(AccessTokens tokens, UserSockets sockets, Vertx vertx, GatewayConfig config,
            AuthConfig auth) {
        this.tokens = tokens;
        this.sockets = sockets;
        this.vertx = vertx;
        this.authTimeoutMs = config.ws().authTimeout().toMillis();
        this.skewMs = auth.clockSkew().toMillis();
    }

    @OnOpen
    public Uni<Void> opened(WebSocketConnection connection) {
        Session session = new Session();
        connection.userData().put(SESSION, session);
        String token = bearerSubprotocol(connection.handshakeRequest().headers("Sec-WebSocket-Protocol"));
        if (token != null) {
            return authenticate(connection, session, token);
        }
        session.authTimer = vertx.setTimer(authTimeoutMs, id -> {
            if (session.userId == null) {
                closeNow(connection, "Authenticate first: no access token was offered in time.");
            }
        });
        return Uni.createFrom().voidItem();
    }

    @OnTextMessage
    public Uni<Void> message(WebSocketConnection connection, String text) {
        Session session = connection.userData().get(SESSION);
        String token = authMessageToken(text);
        if (token == null) {
            // Clients only ever send auth messages; anything else before authentication breaks the protocol.
            return session.userId == null ? close(connection, "The first message must be an auth message.")
                    : Uni.createFrom().voidItem();
        }
        return authenticate(connection, session, token);
    }

    @OnClose
    public void closed(WebSocketConnection connection) {
        Session session = connection.userData().get(SESSION);
        if (session != null) {
            session.cancelTimers(vertx);
            if (session.userId != null) {
                sockets.remove(session.userId, connection);
            }
        }
    }

    private Uni<Void> authenticate(WebSocketConnection connection, Session session, String token) {
        return Uni.createFrom().completionStage(() -> tokens.verify(token).toCompletionStage())
                .onItemOrFailure().transformToUni((accepted, failure) -> {
                    if (failure != null) {
                        return close(connection, failure.getMessage());
                    }
                    if (session.userId != null && !session.userId.equals(accepted.userId())) {
                        return close(connection, "A connection belongs to one person.");
                    }
                    return accept(connection, session, accepted);
                });
    }

    private Uni<Void> accept(WebSocketConnection connection, Session session, AccessToken accepted) {
        if (session.userId == null && !sockets.add(accepted.userId(), connection)) {
            return close(connection, "Too many open connections for this account.");
        }
        session.userId = accepted.userId();
        session.cancelTimers(vertx);
        long untilExpiry = Math.max(1, accepted.expiresAt().toEpochMilli() + skewMs - System.currentTimeMillis());
        session.expiryTimer = vertx.setTimer(untilExpiry,
                id -> closeNow(connection, "The access token has expired; reconnect with a fresh one."));
        if (connection.isClosed()) {
            sockets.remove(accepted.userId(), connection); // closed while the token was being checked
            return Uni.createFrom().voidItem();
        }
        return connection.sendText(new JsonObject().put("type", "ready")
                .put("expiresAt", accepted.expiresAt().toString()).encode());
    }

    private Uni<Void> close(WebSocketConnection connection, String why) {
        Log.debugf("closing /ws connection %s: %s", connection.id(), why);
        // Close reasons are limited to 123 bytes by RFC 6455.
        String reason = why.length() > 120 ? why.substring(0, 120) : why;
        return connection.close(new CloseReason(POLICY_VIOLATION, reason));
    }

    /** From a timer, where nobody subscribes to the returned Uni. */
    private void closeNow(WebSocketConnection connection, String why) {
        close(connection, why).subscribe().with(closed -> {
        }, failure -> Log.debugf("closing /ws connection %s failed: %s", connection.id(), failure.toString()));
    }

    static String bearerSubprotocol(List<String> headers) {
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String offered : header.split(",")) {
                String protocol = offered.trim();
                if (protocol.startsWith("bearer.") && protocol.length() > 7) {
                    return protocol.substring(7);
                }
            }
        }
        return null;
    }

    private static String authMessageToken(String text) {
        try {
            JsonObject message = new JsonObject(text);
            Object token = message.getValue("token");
            return "auth".equals(message.getValue("type")) && token instanceof String s && !s.isBlank() ? s : null;
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    /** Per-connection state; touched only on the connection's event loop. */
    static final class Session {
        volatile String userId;
        long authTimer = -1;
        long expiryTimer = -1;

        void cancelTimers(Vertx vertx) {
            if (authTimer >= 0) {
                vertx.cancelTimer(authTimer);
                authTimer = -1;
            }
            if (expiryTimer >= 0) {
                vertx.cancelTimer(expiryTimer);
                expiryTimer = -1;
            }
        }
    }
}
