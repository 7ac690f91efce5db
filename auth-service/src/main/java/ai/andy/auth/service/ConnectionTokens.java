package ai.andy.auth.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import ai.andy.auth.Connection;
import ai.andy.auth.provider.ProviderTokens;
import ai.andy.runtime.crypto.Vault;

/** Seals freshly granted tokens into a connection row; one place, so the code exchange and the refresh agree. */
final class ConnectionTokens {

    static void apply(Vault vault, Connection connection, ProviderTokens tokens) {
        Vault.Sealed access = vault.seal(tokens.accessToken(), connection.associatedData("access"));
        connection.accessToken = access.ciphertext();
        connection.vaultKeyId = access.keyId();
        if (tokens.refreshToken() != null) {
            // Microsoft rotates refresh tokens on every use: the new one is saved with the new access token.
            connection.refreshToken = vault.seal(tokens.refreshToken(), connection.associatedData("refresh")).ciphertext();
        }
        connection.scopes = tokens.scopes();
        connection.accessExpiresAt = tokens.expiresAt().atOffset(ZoneOffset.UTC);
        connection.lastRefreshedAt = OffsetDateTime.now();
    }

    private ConnectionTokens() {
    }
}
