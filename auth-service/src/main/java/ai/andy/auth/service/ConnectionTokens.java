package ai.andy.auth.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import ai.andy.auth.Connection;
import ai.andy.auth.provider.ProviderTokens;
import ai.andy.runtime.crypto.Vault;

/** Seals freshly granted tokens into a connection row; one place, so the code exchange and the refresh agree. */
final class ConnectionTokens {

    static void apply(Vault vault, Connection connection, ProviderTokens tokens) {
        // Refresh token first: it may need opening with the keys the row was sealed under.
        if (tokens.refreshToken() != null) {
            // Microsoft rotates refresh tokens on every use: the new one is saved with the new access token.
            connection.refreshToken = vault.seal(tokens.refreshToken(), connection.associatedData("refresh")).ciphertext();
        } else if (connection.refreshToken != null) {
            // Re-sealed too, so vault_key_id holds for every secret of the row and rewrapping can rely on it.
            connection.refreshToken = vault.seal(vault.open(connection.refreshToken, connection.associatedData("refresh")),
                    connection.associatedData("refresh")).ciphertext();
        }
        Vault.Sealed access = vault.seal(tokens.accessToken(), connection.associatedData("access"));
        connection.accessToken = access.ciphertext();
        connection.vaultKeyId = access.keyId();
        connection.scopes = tokens.scopes();
        connection.accessExpiresAt = tokens.expiresAt().atOffset(ZoneOffset.UTC);
        connection.lastRefreshedAt = OffsetDateTime.now();
    }

    /** Re-seals a row's tokens under the vault's current primary key. */
    static void reseal(Vault vault, Connection connection) {
        Vault.Sealed access = vault.seal(vault.open(connection.accessToken, connection.associatedData("access")),
                connection.associatedData("access"));
        if (connection.refreshToken != null) {
            connection.refreshToken = vault.seal(vault.open(connection.refreshToken, connection.associatedData("refresh")),
                    connection.associatedData("refresh")).ciphertext();
        }
        connection.accessToken = access.ciphertext();
        connection.vaultKeyId = access.keyId();
    }

    private ConnectionTokens() {
    }
}
