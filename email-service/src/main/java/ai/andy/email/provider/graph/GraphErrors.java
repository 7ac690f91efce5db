package ai.andy.email.provider.graph;

import java.io.IOException;
import java.util.Set;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;

import ai.andy.email.provider.CursorExpiredException;
import ai.andy.email.provider.ProviderCalls;
import ai.andy.email.ProviderException;
import ai.andy.email.ProviderException.Kind;

/**
 * Turns Graph failures into what {@link ProviderCalls} and the callers understand. Messages carry only the operation,
 * the HTTP status and Graph's error code: Graph's own error text can quote recipients or subjects, so it is dropped,
 * and so is the SDK exception (it carries that text).
 */
final class GraphErrors {
    static final String PROVIDER = "outlook";

    private GraphErrors() {
    }

    static RuntimeException translate(RuntimeException failure, String operation) {
        if (failure instanceof ApiException api) {
            String retryAfter = first(api.getResponseHeaders() == null ? null : api.getResponseHeaders().get("Retry-After"));
            return forStatus(api.getResponseStatusCode(), retryAfter, errorCode(api), operation);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                // Kiota wraps I/O failures in a bare RuntimeException; they are worth another try.
                return new ProviderCalls.Retryable(0, null, io);
            }
        }
        return failure;
    }

    static RuntimeException forStatus(int status, String retryAfter, String code, String operation) {
        // Delta answers 410 Gone (or, for some resources, 400 syncStateNotFound) once the token is too old.
        if (status == 410 || "syncStateNotFound".equalsIgnoreCase(code) || "resyncRequired".equalsIgnoreCase(code)) {
            return new CursorExpiredException("Graph no longer knows the delta token (" + status + "); resync needed");
        }
        if (status == 429 || status >= 500) {
            return new ProviderCalls.Retryable(status, ProviderCalls.Retryable.parseRetryAfter(retryAfter), null);
        }
        String detail = "Graph " + operation + " failed with " + status + (code == null ? "" : " " + code);
        Kind kind = switch (status) {
            case 401 -> Kind.UNAUTHORIZED;
            // A token without the mail scopes is refused with 403 ErrorAccessDenied: the connection must be redone.
            case 403 -> "ErrorAccessDenied".equalsIgnoreCase(code) ? Kind.UNAUTHORIZED : Kind.REJECTED;
            case 404 -> Kind.NOT_FOUND;
            default -> Kind.REJECTED;
        };
        return new ProviderException(PROVIDER, kind, detail, null);
    }

    private static String errorCode(ApiException api) {
        return api instanceof ODataError odata && odata.getError() != null ? odata.getError().getCode() : null;
    }

    private static String first(Set<String> values) {
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }
}
