package ai.andy.chat.service;

import static ai.andy.testsupport.CloudEventRecords.event;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import ai.andy.testsupport.InjectAuthService;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Chat history is kept for the retention period and no longer, and leaves with the person's account. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "chat"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
class HistoryRetentionTest {
    @InjectAuthService
    WireMockServer auth;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    RetentionJob retention;

    @ConfigProperty(name = "andy.db.name")
    String database;

    String userId;

    @BeforeEach
    void person() {
        userId = TestIdentity.newUserId();
        auth.stubFor(get(urlPathEqualTo("/internal/users/" + userId)).willReturn(okJson("{\"id\":\"" + userId
                + "\",\"timezone\":\"UTC\",\"preferences\":{\"chatRetentionDays\":7}}")));
    }

    @Test
    void theRetentionPeriodIsThePersonsAndExpiredMonthsAreDroppedWhole() throws Exception {
        String conversation = given().auth().oauth2(TestIdentity.accessToken(userId)).contentType(ContentType.JSON)
                .body(Map.of("title", "Kept")).post("/api/chat/conversations").then().statusCode(201).extract()
                .path("id");
        // A message written now expires after the person's 7 days, in the partition of that month.
        OffsetDateTime expires = single("select expires_at from conversation where id = '" + conversation + "'",
                OffsetDateTime.class);
        assertThat(Duration.between(OffsetDateTime.now(), expires).toDays()).isBetween(6L, 7L);

        // History that expired: a whole past month, and rows of the current month whose time has come.
        YearMonth past = YearMonth.now(ZoneOffset.UTC).minusMonths(3);
        String pastPartition = "chat_message_" + past.toString().replace('-', '_');
        execute("create table " + pastPartition + " partition of chat_message for values from ('" + past.atDay(1)
                + " 00:00:00+00') to ('" + past.plusMonths(1).atDay(1) + " 00:00:00+00')");
        execute("insert into chat_message values (gen_random_uuid(), '" + conversation + "', '" + userId
                + "', 'user', '\\x00', 1, now() - interval '100 days', '" + past.atDay(10) + " 00:00:00+00')");
        createPartition(YearMonth.now(ZoneOffset.UTC));
        createPartition(YearMonth.from(OffsetDateTime.now(ZoneOffset.UTC).plusDays(7)));
        execute("insert into chat_message values (gen_random_uuid(), '" + conversation + "', '" + userId
                + "', 'user', '\\x00', 1, now() - interval '8 days', now() - interval '1 second')");
        execute("insert into chat_message values (gen_random_uuid(), '" + conversation + "', '" + userId
                + "', 'user', '\\x00', 1, now(), now() + interval '7 days')");

        retention.purge().await().atMost(Duration.ofSeconds(20));

        assertThat(partitions()).doesNotContain(pastPartition);
        assertThat(single("select count(*) from chat_message where conversation_id = '" + conversation + "'",
                Long.class)).isEqualTo(1L);
        assertThat(single("select count(*) from conversation where id = '" + conversation + "'", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void aDeletedAccountLeavesNoHistory() throws Exception {
        String conversation = given().auth().oauth2(TestIdentity.accessToken(userId)).contentType(ContentType.JSON)
                .body(Map.of("title", "Mine")).post("/api/chat/conversations").then().statusCode(201).extract()
                .path("id");
        kafka.produceStrings().fromRecords(event("user.deleted", "/auth-service", userId, "{}"))
                .awaitCompletion(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).until(() -> single("select count(*) from conversation where id = '"
                + conversation + "'", Long.class) == 0L);
    }

    private void createPartition(YearMonth month) throws SQLException {
        execute("create table if not exists chat_message_" + month.toString().replace('-', '_')
                + " partition of chat_message for values from ('" + month.atDay(1) + " 00:00:00+00') to ('"
                + month.plusMonths(1).atDay(1) + " 00:00:00+00')");
    }

    private List<String> partitions() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection db = PostgresResource.connect(database); Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("select c.relname from pg_inherits i join pg_class c on c.oid = "
                        + "i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'chat_message'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private void execute(String sql) throws SQLException {
        try (Connection db = PostgresResource.connect(database); Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private <T> T single(String sql, Class<T> type) throws SQLException {
        try (Connection db = PostgresResource.connect(database); Statement s = db.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getObject(1, type);
        }
    }
}
