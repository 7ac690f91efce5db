package ai.andy.chat.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * auth-service's internal endpoints chat uses, called with chat's service token (client credentials at
 * auth-service's {@code /oauth2/token}, added and renewed by the OIDC client filter).
 */
@RegisterRestClient(configKey = "auth-service")
@OidcClientFilter
@Path("/internal/users")
interface AuthApi {

    /** The parts of a person's profile chat reads. */
    record Profile(String id, String timezone, Preferences preferences) {
    }

    record Preferences(Integer chatRetentionDays) {
    }

    /** A key the person gave Andy (kind {@code openai}, ...), opened from auth-service's vault. */
    record Key(String kind, String value) {
        @Override
        public String toString() {
            return "Key[" + kind + "]";
        }
    }

    @GET
    @Path("/{userId}")
    Profile profile(@PathParam("userId") String userId);

    /** 404 when the person keeps no key of this kind. */
    @GET
    @Path("/{userId}/keys/{kind}")
    Key key(@PathParam("userId") String userId, @PathParam("kind") String kind);
}
