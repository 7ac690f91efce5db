package ai.andy.gateway.ws;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import ai.andy.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * Open, authenticated {@code /ws} connections by user id: the only place deliveries look, so an event reaches every
 * connection of its person and no one else's. Held in memory only; after a restart clients reconnect and
 * re-register.
 */
@Singleton
public class UserSockets {
    private final ConcurrentHashMap<String, Set<WebSocketConnection>> byUser = new ConcurrentHashMap<>();
    private final int maxPerUser;

    UserSockets(GatewayConfig config) {
        this.maxPerUser = config.ws().maxConnectionsPerUser();
    }

    /** Registers a connection; false when the person already has the maximum open. */
    boolean add(String userId, WebSocketConnection connection) {
        boolean[] added = { false };
        byUser.compute(userId, (id, open) -> {
            Set<WebSocketConnection> set = open != null ? open : ConcurrentHashMap.newKeySet();
            if (set.size() < maxPerUser || set.contains(connection)) {
                set.add(connection);
                added[0] = true;
            }
            return set.isEmpty() ? null : set;
        });
        return added[0];
    }

    void remove(String userId, WebSocketConnection connection) {
        byUser.computeIfPresent(userId, (id, open) -> {
            open.remove(connection);
            return open.isEmpty() ? null : open;
        });
    }

    /** Sends a text frame to each open connection of the person; returns how many it was sent to. */
    public int deliver(String userId, String frame) {
        Set<WebSocketConnection> open = byUser.get(userId);
        if (open == null) {
            return 0;
        }
        int sent = 0;
        for (WebSocketConnection connection : open) {
            if (connection.isOpen()) {
                connection.sendText(frame).subscribe().with(ok -> {
                }, failure -> Log.debugf("a notification was not delivered to connection %s: %s", connection.id(),
                        failure.toString()));
                sent++;
            }
        }
        return sent;
    }
}
