package ai.andy.telephony.provider.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The SDK's own HTTP client, sending to a configured base URL instead of https://api.twilio.com: the same requests,
 * authentication and JSON, so a fake of Twilio's REST API (or a regional proxy) can stand in for it.
 */
final class BaseUrlHttpClient extends NetworkHttpClient {
    private static final String TWILIO = "https://api.twilio.com";
    private final String baseUrl;

    BaseUrlHttpClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        if (TWILIO.equals(baseUrl) || !request.getUrl().startsWith(TWILIO)) {
            return super.makeRequest(request);
        }
        Request moved = new Request(request.getMethod(), baseUrl + request.getUrl().substring(TWILIO.length()));
        request.getQueryParams().forEach((k, values) -> values.forEach(v -> moved.addQueryParam(k, v)));
        request.getPostParams().forEach((k, values) -> values.forEach(v -> moved.addPostParam(k, v)));
        request.getHeaderParams().forEach((k, values) -> values.forEach(v -> moved.addHeaderParam(k, v)));
        moved.setContentType(request.getContentType());
        if (request.getBody() != null) {
            moved.setBody(request.getBody());
        }
        if (request.getAuthStrategy() != null) {
            moved.setAuth(request.getAuthStrategy());
        } else if (request.requiresAuthentication()) {
            moved.setAuth(request.getUsername(), request.getPassword());
        }
        return super.makeRequest(moved);
    }
}
