package ai.andy.runtime.problem;

import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import ai.andy.runtime.json.UnacceptableTextException;
import io.quarkus.logging.Log;

/**
 * Turns every failure of a REST call into problem+json: the person gets a status and a sentence they can act on,
 * never a stack trace. Unexpected errors are logged with a reference the response repeats, for support.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(response);
        e.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(leaf(v.getPropertyPath()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(new Problem("about:blank", "Invalid request", 400,
                "Some fields are invalid: " + String.join(", ", errors.stream().map(Problem.FieldError::field).toList())
                        + ".",
                path(uri), errors));
    }

    /** {@code signup.request.email} as Hibernate Validator names it, reported as {@code email}. */
    private static String leaf(jakarta.validation.Path path) {
        String last = null;
        for (jakarta.validation.Path.Node node : path) {
            last = node.getName();
        }
        return last;
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException thrown, UriInfo uri) {
        // Jackson wraps a parser's error inside a nested object in a mapping error that carries the path.
        JsonProcessingException e = thrown;
        while (e.getCause() instanceof JsonProcessingException cause && cause != e) {
            e = cause;
        }
        String detail;
        List<Problem.FieldError> errors = List.of();
        if (e instanceof UnacceptableTextException text) {
            String field = fieldPath(text);
            detail = "Field '" + field + "' " + text.reason() + ".";
            errors = List.of(new Problem.FieldError(field, text.reason()));
        } else if (e instanceof JsonParseException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field '")) {
            String name = parse.getOriginalMessage().substring("Duplicate field '".length()).replaceFirst("'$", "");
            String outer = thrown instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
            String field = outer.isEmpty() ? name : outer.replaceFirst("[^.\\[]*$", "") + name;
            detail = "Field '" + field + "' is given more than once; send it once.";
            errors = List.of(new Problem.FieldError(field, "given more than once"));
        } else if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Trailing token")) {
            detail = "The request body has more after its JSON value; send exactly one JSON value.";
        } else if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch);
            String expected = e instanceof InvalidFormatException invalid
                    ? invalid.getTargetType().getSimpleName()
                    : mismatch.getTargetType() != null ? mismatch.getTargetType().getSimpleName() : "another type";
            detail = "Field '" + field + "' has the wrong type: expected " + expected + ".";
            errors = List.of(new Problem.FieldError(field, "expected " + expected));
        } else {
            var location = e.getLocation();
            String field = fieldAtError(e);
            if (field == null && thrown instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                field = fieldPath(mapping);
            }
            detail = "The request body is not valid JSON"
                    + (location != null ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "")
                    + (field != null ? " in field '" + field + "'" : "")
                    + (e.getOriginalMessage() != null && e.getOriginalMessage().contains("CTRL-CHAR")
                            ? ": control characters such as NUL must not appear in text" : "")
                    + ".";
            if (field != null) {
                errors = List.of(new Problem.FieldError(field, "not valid JSON"));
            }
        }
        return respond(new Problem("about:blank", "Malformed request body", 400, detail, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        String detail = e.getMessage() != null && e.getMessage().startsWith("the token")
                ? "Sign in again: " + e.getMessage() + "."
                : "Sign in to do this: send your access token as 'Authorization: Bearer <token>'.";
        return Response.fromResponse(respond(new Problem("about:blank", "Unauthorized", 401, detail, path(uri), List.of())))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem("about:blank", "Unauthorized", 401,
                "Sign in to do this: send your access token as 'Authorization: Bearer <token>'.", path(uri), List.of())))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Forbidden", 403, "Your credentials do not allow this.", path(uri),
                List.of()));
    }

    /** Quarkus REST has its own mapper for this subtype; ours must be at least as specific to win. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /** As specific as Quarkus REST's own mappers, so these reach {@link #unreadableJson} too. */
    @ServerExceptionMapper
    public Response unparseable(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unacceptableText(UnacceptableTextException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri); // Quarkus REST wraps Jackson's errors in a 400
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String detail = switch (status) {
            case 404 -> "There is nothing at " + path(uri) + ".";
            case 405 -> "This method is not allowed on " + path(uri) + ".";
            case 415 -> "Send the body as application/json.";
            case 406 -> "This resource answers in application/json.";
            default -> type.getReasonPhrase();
        };
        return respond(new Problem("about:blank", type.getReasonPhrase(), status, detail, path(uri), List.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected error on %s (reference %s)", path(uri), reference);
        return respond(new Problem("about:blank", "Internal error", 500,
                "Something went wrong on our side. Reference: " + reference, path(uri), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** The field the parser was in when the JSON broke, when it knows. */
    private static String fieldAtError(JsonProcessingException e) {
        if (e instanceof JsonParseException parse && parse.getProcessor() != null) {
            try {
                return parse.getProcessor().getParsingContext().getCurrentName();
            } catch (RuntimeException unknown) {
                return null;
            }
        }
        return null;
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
