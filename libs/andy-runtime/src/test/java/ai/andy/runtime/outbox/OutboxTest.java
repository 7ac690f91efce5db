package ai.andy.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** An event written with its change reaches Kafka, and its row, which may hold personal text, is then gone. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "runtime"))
class OutboxTest {
    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Test
    void aPublishedEventLeavesNoRowBehind() {
        String user = "user-" + UUID.randomUUID();
        String secret = "the surprise party is on Friday " + UUID.randomUUID();
        pool.withTransaction(tx -> outbox.add(tx, "runtime.test.outbox", user, Map.of("body", secret)))
                .await().atMost(Duration.ofSeconds(10));

        var records = kafka.consumeStrings().fromTopics("runtime.test.outbox").awaitNextRecords(1, Duration.ofSeconds(30));
        assertThat(records.getRecords()).anyMatch(r -> user.equals(r.key()) && r.value().contains(secret));
        await().atMost(Duration.ofSeconds(10)).until(() -> pool
                .preparedQuery("select count(*) from outbox_event where user_id = $1 or payload like $2")
                .execute(Tuple.of(user, "%" + secret + "%")).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0) == 0L);
    }
}
