package ai.andy.auth.provider;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;

import ai.andy.auth.config.OAuthConfig;

/**
 * The parts of OAuth 2.0 that Google and Microsoft implement alike, through the Nimbus OAuth SDK: the authorization
 * request with PKCE (S256), the code exchange and the refresh (client_secret_post). Blocking: call off the event loop.
 */
public abstract class StandardOAuthProvider implements OAuthProvider {
    private static final int TIMEOUT_MS = 10_000;

    protected final OAuthConfig.Provider config;
    private final URI redirectUri;

    protected StandardOAuthProvider(OAuthConfig.Provider config, URI publicUrl) {
        this.config = config;
        this.redirectUri = publicUrl.resolve("/api/connections/callback/" + name());
    }

    /** Provider-specific parameters of the authorization request (offline access, consent prompt...). */
    protected abstract Map<String, String> extraAuthorizationParameters();

    @Override
    public boolean configured() {
        return config.clientId().isPresent() && config.clientSecret().isPresent();
    }

    @Override
    public URI redirectUri() {
        return redirectUri;
    }

    @Override
    public URI authorizationUrl(String state, String codeVerifier) {
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), new ClientID(clientId()))
                .endpointURI(config.authorizeUrl())
                .redirectionURI(redirectUri)
                .scope(Scope.parse(config.scopes()))
                .state(new State(state))
                .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256);
        extraAuthorizationParameters().forEach((name, value) -> request.customParameter(name, value));
        return request.build().toURI();
    }

    @Override
    public ProviderTokens exchangeCode(String code, String codeVerifier) {
        return token(new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, new CodeVerifier(codeVerifier)));
    }

    @Override
    public ProviderTokens refresh(String refreshToken) {
        return token(new RefreshTokenGrant(new RefreshToken(refreshToken)));
    }

    private ProviderTokens token(AuthorizationGrant grant) {
        TokenRequest request = new TokenRequest(config.tokenUrl(),
                new ClientSecretPost(new ClientID(clientId()), new Secret(config.clientSecret().orElseThrow())), grant);
        HTTPResponse response = send(request.toHTTPRequest());
        try {
            TokenResponse parsed = TokenResponse.parse(response);
            if (!parsed.indicatesSuccess()) {
                throw refused(parsed.toErrorResponse().getErrorObject(), response.getStatusCode());
            }
            AccessTokenResponse success = parsed.toSuccessResponse();
            var access = success.getTokens().getAccessToken();
            var refresh = success.getTokens().getRefreshToken();
            long lifetime = access.getLifetime() > 0 ? access.getLifetime() : 3600;
            String scopes = access.getScope() != null ? access.getScope().toString() : config.scopes();
            return new ProviderTokens(access.getValue(), refresh != null ? refresh.getValue() : null,
                    Instant.now().plusSeconds(lifetime), scopes);
        } catch (ParseException e) {
            if (response.getStatusCode() >= 500 || response.getStatusCode() == 429) {
                throw new ProviderException(ProviderException.Kind.TRANSIENT,
                        name() + " token endpoint answered " + response.getStatusCode());
            }
            throw new ProviderException(ProviderException.Kind.REFUSED,
                    name() + " token endpoint answered something that is not OAuth: HTTP " + response.getStatusCode());
        }
    }

    /** Reads one field of a JSON document behind a bearer token (userinfo, Graph /me). */
    protected String readAccountField(String accessToken, List<String> fields) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, config.accountUrl());
        request.setAuthorization(new BearerAccessToken(accessToken).toAuthorizationHeader());
        request.setAccept("application/json");
        HTTPResponse response = send(request);
        if (response.getStatusCode() != 200) {
            throw new ProviderException(response.getStatusCode() >= 500 ? ProviderException.Kind.TRANSIENT
                    : ProviderException.Kind.REFUSED, name() + " did not tell the account's address (HTTP "
                            + response.getStatusCode() + ")");
        }
        try {
            var json = response.getContentAsJSONObject();
            for (String field : fields) {
                Object value = json.get(field);
                if (value instanceof String text && !text.isBlank()) {
                    return text;
                }
            }
            throw new ProviderException(ProviderException.Kind.REFUSED, name() + " did not tell the account's address");
        } catch (ParseException e) {
            throw new ProviderException(ProviderException.Kind.REFUSED, name() + " answered the account lookup with non-JSON");
        }
    }

    protected HTTPResponse send(HTTPRequest request) {
        request.setConnectTimeout(TIMEOUT_MS);
        request.setReadTimeout(TIMEOUT_MS);
        try {
            return request.send();
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, name() + " could not be reached", e);
        }
    }

    private ProviderException refused(ErrorObject error, int status) {
        String code = error != null && error.getCode() != null ? error.getCode() : "unknown";
        ProviderException.Kind kind = switch (code) {
            case "invalid_grant" -> ProviderException.Kind.INVALID_GRANT;
            case "invalid_client", "unauthorized_client" -> ProviderException.Kind.INVALID_CLIENT;
            default -> status >= 500 || status == 429 || "temporarily_unavailable".equals(code)
                    ? ProviderException.Kind.TRANSIENT : ProviderException.Kind.REFUSED;
        };
        return new ProviderException(kind, name() + " refused: " + code);
    }

    protected String clientId() {
        return config.clientId().orElseThrow(() -> new ProviderException(ProviderException.Kind.INVALID_CLIENT,
                name() + " is not configured on this Andy"));
    }
}
