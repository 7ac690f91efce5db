package ai.andy.runtime.security;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

import io.quarkus.arc.DefaultBean;

/**
 * Where a service finds the keys that sign Andy tokens: auth-service's JWKS, cached, and fetched again when a token
 * names a key it has not seen (which is how a rotation reaches every service). auth-service replaces this bean with
 * its own key store.
 */
@Singleton
public class VerificationKeys {

    @Produces
    @Singleton
    @DefaultBean
    VerificationKeyResolver jwks(@ConfigProperty(name = "andy.auth.jwks-url") String jwksUrl) {
        HttpsJwks jwks = new HttpsJwks(jwksUrl);
        jwks.setDefaultCacheDuration(300);
        jwks.setRetainCacheOnErrorDuration(600);
        HttpsJwksVerificationKeyResolver resolver = new HttpsJwksVerificationKeyResolver(jwks);
        resolver.setDisambiguateWithVerifySignature(true);
        return resolver;
    }
}
