package ai.andy.auth.provider;

import java.net.URI;

/** One OAuth 2.0 provider people connect accounts from (authorization code with PKCE, refresh, revocation). */
public interface OAuthProvider {
    /** {@code google} or {@code microsoft}, as in URLs and the database. */
    String name();

    boolean configured();

    URI redirectUri();

    /** Where to send the browser: the request carries the S256 challenge of {@code codeVerifier}, kept for the callback. */
    URI authorizationUrl(String state, String codeVerifier);

    ProviderTokens exchangeCode(String code, String codeVerifier);

    ProviderTokens refresh(String refreshToken);

    /** The connected account's address (mailbox), read with a fresh access token. */
    String accountAddress(String accessToken);

    /** Revokes the grant at the provider; false when the provider offers no revocation. */
    boolean revoke(String token);
}
