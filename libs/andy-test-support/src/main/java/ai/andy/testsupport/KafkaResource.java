package ai.andy.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Points the service under test at the JVM's real Kafka broker and injects a {@link KafkaCompanion} into fields marked
 * {@link InjectKafkaCompanion}, for producing to and asserting on real topics.
 * Use with {@code @QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    private KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        companion = new KafkaCompanion(bootstrap);
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
    }
}
