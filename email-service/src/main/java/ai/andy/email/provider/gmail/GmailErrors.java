package ai.andy.email.provider.gmail;

import java.io.IOException;
import java.util.Set;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;

import ai.andy.email.provider.ProviderCalls;
import ai.andy.email.ProviderException;

/**
 * Gmail's answers as Andy's failures. Only the status and Gmail's error reason are kept: Gmail's own messages can
 * quote addresses or label names, so neither they nor the SDK's exception (which carries the response body) are
 * chained into what Andy logs.
 */
final class GmailErrors {
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
    private static final Set<String> RATE_LIMIT_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded");

    /** An SDK failure: an HTTP answer or an I/O error. */
    static RuntimeException translate(IOException failure) {
        if (failure instanceof GoogleJsonResponseException json) {
            return translate(json.getStatusCode(), reason(json.getDetails()), json.getHeaders());
        }
        if (failure instanceof HttpResponseException http) {
            return translate(http.getStatusCode(), null, http.getHeaders());
        }
        return new ProviderCalls.Retryable(0, null, new IOException(failure.getClass().getSimpleName()));
    }

    /** One part of a batch that failed. */
    static RuntimeException translate(GoogleJsonError error, HttpHeaders headers) {
        return translate(error == null ? 0 : error.getCode(), reason(error), headers);
    }

    static RuntimeException translate(int status, String reason, HttpHeaders headers) {
        String retryAfter = headers == null ? null : headers.getFirstHeaderStringValue("Retry-After");
        if (RETRYABLE.contains(status)) {
            return new ProviderCalls.Retryable(status, ProviderCalls.Retryable.parseRetryAfter(retryAfter), null);
        }
        if (status == 403 && RATE_LIMIT_REASONS.contains(reason)) {
            // Gmail also throttles with 403; reported as 429 so the breaker treats it as pacing, not an outage.
            return new ProviderCalls.Retryable(429, ProviderCalls.Retryable.parseRetryAfter(retryAfter), null);
        }
        String what = "Gmail answered " + status + (reason == null ? "" : " (" + reason + ")");
        ProviderException.Kind kind = switch (status) {
            case 401 -> ProviderException.Kind.UNAUTHORIZED;
            // Other 403s are missing scopes or a disabled account: the connection has to be made again.
            case 403 -> ProviderException.Kind.UNAUTHORIZED;
            case 404, 410 -> ProviderException.Kind.NOT_FOUND;
            default -> status >= 400 && status < 500 ? ProviderException.Kind.REJECTED
                    : ProviderException.Kind.UNAVAILABLE;
        };
        return new ProviderException(GmailMailProvider.PROVIDER, kind, what, null);
    }

    static boolean isNotFound(RuntimeException failure) {
        return failure instanceof ProviderException provider && provider.kind() == ProviderException.Kind.NOT_FOUND;
    }

    private static String reason(GoogleJsonError error) {
        if (error == null || error.getErrors() == null || error.getErrors().isEmpty()) {
            return null;
        }
        return error.getErrors().get(0).getReason();
    }

    private GmailErrors() {
    }
}
