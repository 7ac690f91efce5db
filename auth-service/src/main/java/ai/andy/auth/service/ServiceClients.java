package ai.andy.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.config.AuthConfig;
import ai.andy.auth.security.TokenIssuer;

/** Andy's own services as OAuth clients, with the secrets they authenticate with. */
@ApplicationScoped
public class ServiceClients {
    private final Map<String, byte[]> secrets = new HashMap<>();
    private final TokenIssuer tokens;
    private final AuthConfig config;

    ServiceClients(AuthConfig config, TokenIssuer tokens) {
        this.tokens = tokens;
        this.config = config;
        config.serviceClients().ifPresent(list -> {
            for (String entry : list.split(",")) {
                int colon = entry.indexOf(':');
                if (colon > 0 && colon < entry.length() - 1) {
                    secrets.put(entry.substring(0, colon).trim(),
                            entry.substring(colon + 1).trim().getBytes(StandardCharsets.UTF_8));
                }
            }
        });
    }

    public record Credentials(String clientId, String secret) {
        /** From the form (client_secret_post) or HTTP Basic (client_secret_basic), as RFC 6749 allows. */
        public static Optional<Credentials> from(String clientId, String clientSecret, String authorization) {
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                            StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    if (colon > 0) {
                        return Optional.of(new Credentials(
                                java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                                java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
                    }
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
            return clientId != null && clientSecret != null ? Optional.of(new Credentials(clientId, clientSecret))
                    : Optional.empty();
        }
    }

    public record ServiceToken(String access_token, String token_type, long expires_in) {
    }

    /** A service token when the client is known and its secret matches (compared in constant time). */
    public Optional<ServiceToken> tokenFor(Credentials credentials) {
        byte[] expected = secrets.get(credentials.clientId());
        if (expected == null
                || !MessageDigest.isEqual(expected, credentials.secret().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(new ServiceToken(tokens.serviceToken(credentials.clientId()), "Bearer",
                config.serviceTokenLifetime().toSeconds()));
    }
}
