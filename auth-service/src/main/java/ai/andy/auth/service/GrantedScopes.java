package ai.andy.auth.service;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares the scopes Andy asks a provider for with those a grant holds. Providers echo scopes in their own spelling
 * (Microsoft prefixes {@code https://graph.microsoft.com/} and drops {@code offline_access}, Google turns
 * {@code email} into its userinfo URL), so sign-in scopes are left out and the rest compared without prefix or case.
 */
final class GrantedScopes {
    private static final Set<String> SIGN_IN = Set.of("openid", "email", "profile", "offline_access",
            "https://www.googleapis.com/auth/userinfo.email", "https://www.googleapis.com/auth/userinfo.profile");
    private static final String GRAPH = "https://graph.microsoft.com/";

    /** The requested scopes (space-separated, as configured) the grant lacks, in the configured spelling. */
    static List<String> missing(String requested, List<String> granted) {
        Set<String> held = granted.stream().map(GrantedScopes::normal).collect(Collectors.toSet());
        return Arrays.stream(requested.trim().split("\\s+")).filter(s -> !s.isEmpty())
                .filter(s -> !SIGN_IN.contains(s.toLowerCase(Locale.ROOT)))
                .filter(s -> !held.contains(normal(s))).toList();
    }

    private static String normal(String scope) {
        String s = scope.toLowerCase(Locale.ROOT);
        return s.startsWith(GRAPH) ? s.substring(GRAPH.length()) : s;
    }

    private GrantedScopes() {
    }
}
