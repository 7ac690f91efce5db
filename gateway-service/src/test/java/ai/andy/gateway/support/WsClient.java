package ai.andy.gateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.core.json.JsonObject;

/** A {@code /ws} client as a browser or the desktop app would open it, collecting what it receives. */
public final class WsClient implements AutoCloseable {
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason;
    private final WebSocket socket;

    private WsClient(String clientAddress, String... subprotocols) throws Exception {
        // The handshake is limited per client address; each test client stands for one behind the trusted proxy.
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .header("X-Forwarded-For", clientAddress);
        if (subprotocols.length > 0) {
            String[] rest = java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length);
            builder.subprotocols(subprotocols[0], rest);
        }
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Listener())
                .get(10, TimeUnit.SECONDS);
    }

    /** Offers {@code andy.v1} and {@code bearer.<token>}: the token never appears in the URL. */
    public static WsClient withSubprotocol(String token) throws Exception {
        return new WsClient(Api.newClientAddress(), "andy.v1", "bearer." + token);
    }

    /** For clients that cannot set subprotocols: the token in the first message. */
    public static WsClient withAuthMessage(String token) throws Exception {
        WsClient client = new WsClient(Api.newClientAddress(), "andy.v1");
        client.send(new JsonObject().put("type", "auth").put("token", token).encode());
        return client;
    }

    public static WsClient withoutAuth() throws Exception {
        return new WsClient(Api.newClientAddress(), "andy.v1");
    }

    /** A handshake from the given client address; fails (with the refusal) when the gateway does not upgrade. */
    public static WsClient from(String clientAddress, String token) throws Exception {
        return new WsClient(clientAddress, "andy.v1", "bearer." + token);
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    /** The next text frame, as JSON; fails if none arrives in time. */
    public JsonObject next(Duration within) throws InterruptedException {
        String text = received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            throw new AssertionError("no message within " + within);
        }
        return new JsonObject(text);
    }

    public boolean nothingWithin(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    /** The close code the server sent; fails if it did not close in time. */
    public int closeCode(Duration within) throws Exception {
        return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
