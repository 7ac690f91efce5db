package ai.andy.auth.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.andy.auth.service.ServiceClients;

/**
 * OAuth 2.0 token endpoint for the client-credentials grant (RFC 6749 §4.4), used by Andy's services (e.g. through
 * quarkus-oidc-client) to call each other's /internal endpoints. Errors use the RFC's JSON, which OAuth clients read.
 */
@Path("/oauth2/token")
public class ServiceTokenResource {
    private final ServiceClients clients;

    ServiceTokenResource(ServiceClients clients) {
        this.clients = clients;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret, @HeaderParam("Authorization") String authorization) {
        if (!"client_credentials".equals(grantType)) {
            return oauthError(400, "unsupported_grant_type", "only client_credentials is supported here");
        }
        var credentials = ServiceClients.Credentials.from(clientId, clientSecret, authorization);
        return credentials.flatMap(clients::tokenFor)
                .map(token -> Response.ok(token).header("Cache-Control", "no-store").build())
                .orElseGet(() -> Response.fromResponse(oauthError(401, "invalid_client", "unknown client or wrong secret"))
                        .header("WWW-Authenticate", "Basic realm=\"andy\"").build());
    }

    private static Response oauthError(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .entity(java.util.Map.of("error", error, "error_description", description)).build();
    }
}
