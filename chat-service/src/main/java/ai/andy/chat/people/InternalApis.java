package ai.andy.chat.people;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The other services' internal endpoints chat-service uses, called with a service token. */
public final class InternalApis {

    /** auth-service: a person's profile (their time zone and how long chat history is kept). */
    @RegisterRestClient(configKey = "auth-service")
    @Path("/internal/users")
    public interface Auth {
        record Profile(String id, String timezone, Preferences preferences) {
        }

        record Preferences(Integer chatRetentionDays) {
        }

        @GET
        @Path("/{userId}")
        Profile profile(@HeaderParam("Authorization") String serviceToken, @PathParam("userId") String userId);

        /** A key the person gave Andy (kind {@code openai}, ...), opened from auth-service's vault; 404 when none. */
        record Key(String kind, String value) {
            @Override
            public String toString() {
                return "Key[" + kind + "]";
            }
        }

        @GET
        @Path("/{userId}/keys/{kind}")
        Key key(@HeaderParam("Authorization") String serviceToken, @PathParam("userId") String userId,
                @PathParam("kind") String kind);
    }

    /** email-service: people a person has exchanged mail with. */
    @RegisterRestClient(configKey = "email-service")
    @Path("/internal/people")
    public interface Email {
        record Correspondent(String name, String address, long messages) {
        }

        @GET
        List<Correspondent> people(@HeaderParam("Authorization") String serviceToken,
                @QueryParam("userId") String userId, @QueryParam("name") String name);
    }

    private InternalApis() {
    }
}
