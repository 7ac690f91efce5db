package ai.andy.runtime.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Ready means an event sent now is heard: the service's consumers hold their partitions. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "runtime"))
class ConsumersReadinessTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void readyOnlyOnceEveryConsumerChannelHoldsItsPartitions() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        // Ready was said: the group must already show our consumer holding runtime.test.echo's partitions.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<MemberDescription> members = List.copyOf(admin.describeConsumerGroups(List.of("runtime-test"))
                    .all().get().get("runtime-test").members());
            assertThat(members).isNotEmpty();
            assertThat(members).flatMap(m -> m.assignment().topicPartitions())
                    .anyMatch(p -> p.topic().equals("runtime.test.echo"));
        }
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'kafka consumers in their groups' }.data.echo-in",
                        org.hamcrest.Matchers.equalTo("joined"));
    }
}
