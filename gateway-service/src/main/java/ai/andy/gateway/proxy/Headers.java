package ai.andy.gateway.proxy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.vertx.core.MultiMap;

/** Which headers cross the gateway. */
final class Headers {
    /** RFC 9110 section 7.6.1: they describe one connection, not the message, so a proxy never forwards them. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    /**
     * Set by the gateway itself from what it saw, never taken from the client; {@code Expect: 100-continue} is
     * answered by the gateway, which decides whether the body is welcome (see Exchange).
     */
    private static final Set<String> OWN = Set.of("host", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto",
            "forwarded", "x-request-id", "content-length", "expect");

    /** Copies end-to-end request headers; the client's {@code Authorization} travels unchanged. */
    static void copyRequest(MultiMap from, MultiMap to) {
        Set<String> listed = connectionListed(from);
        from.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !OWN.contains(lower) && !listed.contains(lower)) {
                to.add(name, value);
            }
        });
    }

    /**
     * Copies end-to-end response headers, except those the gateway has already set on its answer (request id,
     * rate-limit and CORS headers): the gateway's own win.
     */
    static void copyResponse(MultiMap from, MultiMap to) {
        Set<String> listed = connectionListed(from);
        MultiMap own = MultiMap.caseInsensitiveMultiMap().addAll(to);
        from.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !listed.contains(lower) && !own.contains(name)) {
                to.add(name, value);
            }
        });
    }

    private static Set<String> connectionListed(MultiMap headers) {
        String connection = headers.get("Connection");
        if (connection == null) {
            return Set.of();
        }
        return Arrays.stream(connection.toLowerCase(Locale.ROOT).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private Headers() {
    }
}
