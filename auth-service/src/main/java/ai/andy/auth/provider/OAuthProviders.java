package ai.andy.auth.provider;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import ai.andy.runtime.problem.ProblemException;

/** The providers by name, as they appear in URLs. */
@ApplicationScoped
public class OAuthProviders {
    private final List<OAuthProvider> all;

    OAuthProviders(Instance<OAuthProvider> providers) {
        this.all = providers.stream().toList();
    }

    public OAuthProvider get(String name) {
        return all.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Andy connects google and microsoft accounts, not '" + name + "'."));
    }
}
