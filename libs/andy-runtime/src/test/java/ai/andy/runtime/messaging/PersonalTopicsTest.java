package ai.andy.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** A person's words do not stay on the broker for Kafka's default week. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "runtime"))
class PersonalTopicsTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    PersonalTopics topics;

    @Test
    void topicsWithPersonalTextKeepItADayAndRollHourly() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(topics::applied);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : List.of("chat.intent", "notify.user", "email.fetched")) {
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
                        .all().get().values().iterator().next();
                assertThat(config.get("retention.ms").value()).as(topic).isEqualTo("86400000");
                assertThat(config.get("segment.ms").value()).as(topic).isEqualTo("3600000");
            }
            // Applying again (another service starting) changes nothing and does not fail.
            topics.apply();
        }
    }

    @Test
    void aTopicAnOperatorKeepsShorterIsLeftAlone() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(topics::applied);
        ConfigResource voiceFetched = new ConfigResource(ConfigResource.Type.TOPIC, "voice.fetched");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.incrementalAlterConfigs(Map.of(voiceFetched, List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", "3600000"), AlterConfigOp.OpType.SET)))).all().get();
            topics.apply();
            Config config = admin.describeConfigs(List.of(voiceFetched)).all().get().get(voiceFetched);
            assertThat(config.get("retention.ms").value()).isEqualTo("3600000");
        }
    }
}
