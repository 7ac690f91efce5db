package ai.andy.runtime.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.common.annotation.Identifier;

/**
 * Topics whose events carry a person's own words (chat turns' intents, their results, notifications) keep them for
 * {@code andy.kafka.personal-retention} only, instead of Kafka's default week. Every service sets this on start, so
 * it holds however the broker was made (./andy up, Compose, Kubernetes) and whichever service creates the topic
 * first. The segment is rolled as often, since Kafka only ever deletes whole closed segments. A topic already kept
 * shorter (an operator's own setting, e.g. Strimzi's KafkaTopic) is left as it is.
 */
@ApplicationScoped
public class PersonalTopics {
    private final Map<String, Object> kafkaConfig;
    private final List<String> topics;
    private final Duration retention;
    private volatile boolean done;

    PersonalTopics(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "andy.kafka.personal-topics") List<String> topics,
            @ConfigProperty(name = "andy.kafka.personal-retention") Duration retention) {
        this.kafkaConfig = kafkaConfig;
        this.topics = topics;
        this.retention = retention;
    }

    /** Tried at start and again until it succeeds: a broker that is not up yet must not stop the service. */
    @Scheduled(every = "30s", delayed = "1s", concurrentExecution = ConcurrentExecution.SKIP)
    void ensure() {
        if (done) {
            return;
        }
        try {
            apply();
            done = true;
            Log.infof("personal topics keep events for %s: %s", retention, String.join(", ", topics));
        } catch (Exception e) {
            Log.warnf("could not set the retention of personal topics yet (will retry): %s", e.toString());
        }
    }

    public boolean applied() {
        return done;
    }

    void apply() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        Map<String, Object> admin = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                admin.put(key, value);
            }
        });
        admin.put("request.timeout.ms", 5000);
        admin.put("default.api.timeout.ms", 10000);
        Map<String, String> configs = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()),
                TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Math.min(retention.toMillis(), Duration.ofHours(1).toMillis())));
        try (Admin client = Admin.create(admin)) {
            List<String> existing = new ArrayList<>();
            for (String topic : topics) {
                try {
                    client.createTopics(List.of(new NewTopic(topic, java.util.Optional.empty(), java.util.Optional.empty())
                            .configs(configs))).all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    existing.add(topic);
                }
            }
            Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new HashMap<>();
            List<ConfigResource> resources = existing.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            var current = resources.isEmpty() ? Map.<ConfigResource, org.apache.kafka.clients.admin.Config>of()
                    : client.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
            for (ConfigResource resource : resources) {
                // Only ever shorten: an operator who keeps a topic briefer (Strimzi's KafkaTopic in production) wins.
                ConfigEntry kept = current.get(resource) == null ? null
                        : current.get(resource).get(TopicConfig.RETENTION_MS_CONFIG);
                if (kept != null && kept.value() != null && Long.parseLong(kept.value()) >= 0
                        && Long.parseLong(kept.value()) <= retention.toMillis()) {
                    continue;
                }
                changes.put(resource, configs.entrySet().stream()
                        .map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET))
                        .toList());
            }
            if (!changes.isEmpty()) {
                client.incrementalAlterConfigs(changes).all().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
