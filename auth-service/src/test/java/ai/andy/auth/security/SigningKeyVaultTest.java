package ai.andy.auth.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import ai.andy.auth.People;
import ai.andy.auth.SigningKey;
import ai.andy.runtime.crypto.Vault;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.RedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(value = RedisResource.class, restrictToAnnotatedClass = true)
class SigningKeyVaultTest {
    @Inject
    Vault vault;

    @Inject
    SigningKeys signingKeys;

    @Inject
    ai.andy.auth.service.VaultRewrap rewrap;

    @ConfigProperty(name = "andy.db.name")
    String database;

    @ConfigProperty(name = "andy.vault.keyset-file")
    Path keysetFile;

    @Test
    void privateKeysAreSealedAndBoundToTheirRow() throws Exception {
        String kid = signingKeys.signer().getKeyId();
        byte[] sealed;
        try (Connection db = PostgresResource.connect(database);
                ResultSet row = db.createStatement().executeQuery(
                        "select private_key, vault_key_id from signing_key where kid = '" + kid + "'")) {
            assertThat(row.next()).isTrue();
            sealed = row.getBytes(1);
            assertThat(row.getInt(2)).isEqualTo(vault.primaryKeyId());
        }
        byte[] pkcs8 = signingKeys.signer().getPrivateKey().getEncoded();
        assertThat(indexOf(sealed, java.util.Arrays.copyOfRange(pkcs8, 30, 62))).isEqualTo(-1);
        assertThat(vault.open(sealed, SigningKey.associatedData(kid))).isEqualTo(pkcs8);
        // Moved to another row, the same ciphertext does not open.
        assertThatThrownBy(() -> vault.open(sealed, SigningKey.associatedData("another-kid")))
                .isInstanceOf(Vault.VaultException.class);
    }

    @Test
    void vaultKeyRotationRewrapsWithoutSigningAnyoneOut() throws Throwable {
        String email = People.signup();
        String before = People.login(email);
        given().auth().oauth2(before).contentType(ContentType.JSON).body(Map.of("value", "sk-proj-before-rotation-1234"))
                .put("/api/me/keys/openai").then().statusCode(200);
        String userId = given().auth().oauth2(before).get("/api/me").path("id");
        int oldVaultKey = vault.primaryKeyId();

        // 1. The operator adds a new primary key; old ciphertexts still open.
        KeysetHandle old = read();
        KeysetHandle rotated = KeysetHandle.newBuilder(old)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary())
                .build();
        write(rotated);
        vault.reload();
        VertxContextSupport.subscribeAndAwait(() -> signingKeys.rotateIfDue(OffsetDateTime.now()));
        assertThat(vault.primaryKeyId()).isNotEqualTo(oldVaultKey);
        given().auth().oauth2(before).get("/api/me").then().statusCode(200);

        // 2. The rewrap job re-seals every signing key under the new key.
        int rewrapped = VertxContextSupport.subscribeAndAwait(() -> rewrap.rewrapAll());
        assertThat(rewrapped).isGreaterThanOrEqualTo(2); // the signing key and the person's key
        assertThat(rowsSealedBy(oldVaultKey)).isZero();

        // 3. The old key leaves the keyset; everything still works.
        write(KeysetHandle.newBuilder(rotated).deleteAt(0).build());
        vault.reload();
        VertxContextSupport.subscribeAndAwait(() -> signingKeys.rotateIfDue(OffsetDateTime.now()));
        given().auth().oauth2(before).get("/api/me").then().statusCode(200);
        given().auth().oauth2(People.login(email)).get("/api/me").then().statusCode(200);
        String service = People.serviceToken();
        given().auth().oauth2(service).get("/internal/users/" + userId + "/keys/openai").then().statusCode(200)
                .body("value", org.hamcrest.Matchers.equalTo("sk-proj-before-rotation-1234"));
    }

    @Test
    void aLostKeysetDoesNotStopSignIns() throws Throwable {
        String email = People.signup();
        String oldKid = signingKeys.signer().getKeyId();
        // The operator lost the keyset and starts with a new one: old keys can no longer be opened.
        write(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        vault.reload();
        VertxContextSupport.subscribeAndAwait(() -> signingKeys.rotateIfDue(OffsetDateTime.now()));

        assertThat(signingKeys.signer().getKeyId()).isNotEqualTo(oldKid);
        given().auth().oauth2(People.login(email)).get("/api/me").then().statusCode(200);
        VertxContextSupport.subscribeAndAwait(() -> rewrap.rewrapAll()); // skips what it cannot open
    }

    private int rowsSealedBy(int vaultKeyId) throws Exception {
        try (Connection db = PostgresResource.connect(database);
                ResultSet row = db.createStatement().executeQuery(
                        "select (select count(*) from signing_key where vault_key_id = " + vaultKeyId
                                + ") + (select count(*) from user_key where vault_key_id = " + vaultKeyId + ")")) {
            row.next();
            return row.getInt(1);
        }
    }

    private KeysetHandle read() throws Exception {
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile), InsecureSecretKeyAccess.get());
    }

    private void write(KeysetHandle handle) throws Exception {
        Files.writeString(keysetFile, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
