package ai.andy.gateway.proxy;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

/**
 * Every request gets an {@code X-Request-Id}: the client's when it sent a sensible one, otherwise a new one. It is
 * forwarded to the service and returned to the client, so one id follows a request through every log.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "andy.request-id";
    // Anything else could smuggle log lines or be used to probe; a fresh id costs nothing.
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    static void assign(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER);
        if (id == null || !SENSIBLE.matcher(id).matches()) {
            id = newId();
        }
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    /**
     * A random (version 4) UUID from a thread-local generator: ids must be unique, not unpredictable, and
     * {@code UUID.randomUUID()} would take the lock of the shared SecureRandom on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static String of(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    private RequestIds() {
    }
}
