package ai.andy.runtime;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The smallest service: a JSON endpoint, a parameterised one, and one Kafka consumer channel. */
@Path("/echo")
public class EchoApp {
    public record Note(String text, List<String> tags, Map<String, Object> extra, Inner inner) {
    }

    public record Inner(String name) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Note echo(Note note) {
        return note;
    }

    @GET
    @Path("/{id}")
    public String find(@PathParam("id") String id, @QueryParam("q") String q) {
        return id + ":" + q;
    }

    @ApplicationScoped
    static class Listener {
        @Incoming("echo-in")
        void consume(String ignored) {
        }
    }
}
