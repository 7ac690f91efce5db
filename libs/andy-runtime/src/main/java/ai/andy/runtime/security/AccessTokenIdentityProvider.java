package ai.andy.runtime.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a verified Andy token into the request's identity: principal = user id (or service name), role user|service. */
@ApplicationScoped
public class AccessTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    private final AccessTokenVerifier verifier;

    AccessTokenIdentityProvider(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            try {
                var token = verifier.verify(request.getToken().getToken());
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(token.subject()))
                        .addRoles(token.roles())
                        .addCredential(request.getToken())
                        .addAttribute("expiresAtMillis", token.expiresAtMillis())
                        .build();
            } catch (AccessTokenVerifier.InvalidTokenException e) {
                throw new AuthenticationFailedException(e.getMessage());
            }
        });
    }
}
