package ai.andy.runtime.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import ai.andy.runtime.json.CleanStringDeserializer;

/**
 * Refuses a path or query parameter no service could store or search for (a NUL character, which PostgreSQL
 * rejects with a 500), before any resource sees it, naming the parameter.
 */
public class ParameterFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnstorableParameters(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        String pathFlaw = CleanStringDeserializer.flaw(uri.getPath());
        String rawPath = uri.getRequestUri().getRawPath();
        if (pathFlaw != null) {
            return refuse(rawPath, "path", "The path " + pathFlaw + ".");
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters(true);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String flaw = CleanStringDeserializer.flaw(parameter.getKey());
            for (String value : parameter.getValue()) {
                flaw = flaw != null ? flaw : CleanStringDeserializer.flaw(value);
            }
            if (flaw != null) {
                String name = CleanStringDeserializer.flaw(parameter.getKey()) == null ? parameter.getKey() : "(name)";
                return refuse(rawPath, name,
                        "Query parameter '" + name + "' " + flaw + "; remove it and try again.");
            }
        }
        return null;
    }

    private static Response refuse(String path, String parameter, String detail) {
        Problem problem = new Problem("about:blank", "Invalid request", 400, detail, path,
                List.of(new Problem.FieldError(parameter, "contains a character that cannot be kept")));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
