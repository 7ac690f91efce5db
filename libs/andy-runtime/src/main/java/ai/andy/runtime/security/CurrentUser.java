package ai.andy.runtime.security;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in person of this request. Their id comes from the verified token, never from a path or a body. */
@RequestScoped
public class CurrentUser {
    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String id() {
        if (identity.isAnonymous() || !identity.hasRole("user")) {
            throw new UnauthorizedException();
        }
        return identity.getPrincipal().getName();
    }
}
