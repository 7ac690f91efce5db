package ai.andy.auth.provider;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import ai.andy.auth.config.OAuthConfig;

/**
 * Microsoft accounts (Outlook mail and calendar through Graph). Microsoft rotates the refresh token on every use and
 * has no per-grant revocation endpoint: disconnecting deletes Andy's tokens, and the person can remove the app's
 * consent in their Microsoft account.
 */
@Singleton
public class MicrosoftOAuth extends StandardOAuthProvider {

    MicrosoftOAuth(OAuthConfig config) {
        super(config.microsoft(), config.publicUrl());
    }

    @Override
    public String name() {
        return "microsoft";
    }

    @Override
    protected Map<String, String> extraAuthorizationParameters() {
        return Map.of("prompt", "select_account");
    }

    @Override
    public String accountAddress(String accessToken) {
        return readAccountField(accessToken, List.of("mail", "userPrincipalName"));
    }

    @Override
    public boolean revoke(String token) {
        return false;
    }
}
