package ai.andy.gateway.security;

import java.util.List;

import jakarta.inject.Singleton;

import ai.andy.gateway.config.GatewayConfig;

/** The routed requests that need no access token ({@code andy.gateway.public-routes}). */
@Singleton
public class PublicRoutes {
    private final List<Rule> rules;

    PublicRoutes(GatewayConfig config) {
        this.rules = config.publicRoutes().stream().map(Rule::parse).toList();
    }

    public boolean isPublic(String method, String path) {
        for (Rule rule : rules) {
            if (rule.matches(method, path)) {
                return true;
            }
        }
        return false;
    }

    /** {@code POST /api/auth/login} (exactly that path) or {@code GET /.well-known/**} (that path and below). */
    record Rule(String method, String path, boolean below) {
        static Rule parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IllegalArgumentException("public route '" + text + "' is not 'METHOD /path' or 'METHOD /path/**'");
            }
            boolean below = parts[1].endsWith("/**");
            String path = below ? parts[1].substring(0, parts[1].length() - 3) : parts[1];
            return new Rule(parts[0].toUpperCase(), path, below);
        }

        boolean matches(String requestMethod, String requestPath) {
            if (!"*".equals(method) && !method.equals(requestMethod)) {
                return false;
            }
            return requestPath.equals(path) || (below && requestPath.startsWith(path + "/"));
        }
    }
}
