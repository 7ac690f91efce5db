package ai.andy.auth.provider;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;

import ai.andy.auth.config.OAuthConfig;

/** Google accounts (Gmail, Google Calendar): offline access with a consent prompt, so a refresh token is granted. */
@Singleton
public class GoogleOAuth extends StandardOAuthProvider {

    GoogleOAuth(OAuthConfig config) {
        super(config.google(), config.publicUrl());
    }

    @Override
    public String name() {
        return "google";
    }

    @Override
    protected Map<String, String> extraAuthorizationParameters() {
        return Map.of("access_type", "offline", "prompt", "consent", "include_granted_scopes", "true");
    }

    @Override
    public String accountAddress(String accessToken) {
        return readAccountField(accessToken, List.of("email"));
    }

    /** Google revokes the whole grant given either token (RFC 7009 endpoint, public-client style). */
    @Override
    public boolean revoke(String token) {
        var revokeUrl = config.revokeUrl();
        if (revokeUrl.isEmpty()) {
            return false;
        }
        var response = send(new TokenRevocationRequest(revokeUrl.get(),
                new com.nimbusds.oauth2.sdk.id.ClientID(clientId()), new BearerAccessToken(token)).toHTTPRequest());
        return response.getStatusCode() == 200;
    }
}
