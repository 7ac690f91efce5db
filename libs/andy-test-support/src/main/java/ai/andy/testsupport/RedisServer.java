package ai.andy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Redis server tests use: the one answering on 127.0.0.1:6379 when there is one, otherwise a real Redis started
 * from the embedded-redis binary for this JVM.
 */
public final class RedisServer {
    public static final int DEFAULT_PORT = 6379;
    private static RedisServer shared;

    private final int port;

    public static synchronized RedisServer shared() {
        if (shared == null) {
            shared = connectOrStart();
        }
        return shared;
    }

    private RedisServer(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    private static RedisServer connectOrStart() {
        if (Ports.answers(DEFAULT_PORT)) {
            return new RedisServer(DEFAULT_PORT);
        }
        int port = Ports.free();
        try {
            redis.embedded.RedisServer embedded = redis.embedded.RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            embedded.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.stop();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }, "embedded-redis-stop"));
            return new RedisServer(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Redis", e);
        }
    }
}
