package ai.andy.auth.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What makes a password acceptable: at least 10 characters and not one of the passwords attackers try first.
 * Length beats composition rules (NIST SP 800-63B), so there are none of the latter.
 */
@ApplicationScoped
public class PasswordPolicy {
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;
    private final Set<String> common = load("/ai/andy/auth/common-passwords.txt");

    /** Why the password is refused, in words for the person choosing it; empty when it is fine. */
    public Optional<String> problem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.empty(); // reported as missing by the request's own validation
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("use at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("use at most " + MAX_LENGTH + " characters");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("this password is among the most common ones; choose another");
        }
        return Optional.empty();
    }

    private static Set<String> load(String resource) {
        try (var in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
