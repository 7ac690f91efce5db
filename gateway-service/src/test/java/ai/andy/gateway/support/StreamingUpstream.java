package ai.andy.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service that streams on purpose, to prove the gateway does not buffer. Each exchange is keyed by an id the test
 * chooses; the test drives it over plain HTTP (not through the gateway), so it works across class loaders.
 * <ul>
 * <li>{@code GET /api/stream-probe/sse/{id}}: sends one server-sent event, then waits until {@code POST /release/{id}}
 * before sending the second and ending.</li>
 * <li>{@code POST /api/stream-probe/upload/{id}}: reads the body; {@code GET /seen/{id}} tells how many bytes have
 * arrived so far; answers with the total once the body ends.</li>
 * </ul>
 */
public final class StreamingUpstream {
    private final HttpServer server;
    private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    public StreamingUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/stream-probe/sse/", this::sse);
        server.createContext("/api/stream-probe/upload/", this::upload);
        server.createContext("/release/", exchange -> {
            latch(id(exchange)).countDown();
            reply(exchange, 204, "");
        });
        server.createContext("/seen/", exchange -> reply(exchange, 200, String.valueOf(seen.getOrDefault(id(exchange), 0L))));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        releases.values().forEach(CountDownLatch::countDown);
    }

    private void sse(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0); // chunked
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            boolean released = latch(id(exchange)).await(30, TimeUnit.SECONDS);
            out.write(("data: " + (released ? "second" : "timed-out") + "\n\n").getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void upload(HttpExchange exchange) throws IOException {
        String id = id(exchange);
        long total = 0;
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                seen.put(id, total);
            }
        }
        reply(exchange, 200, "{\"received\":" + total + "}");
    }

    private CountDownLatch latch(String id) {
        return releases.computeIfAbsent(id, k -> new CountDownLatch(1));
    }

    private static String id(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
