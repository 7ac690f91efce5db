package ai.andy.runtime.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Not ready until every Kafka consumer channel of the service has joined its consumer group. Before that, an event
 * sent to the service sits unread (a first chat turn right after start-up waited out its timeout while email-service
 * was still being assigned its {@code chat.intent} partitions). A consumer counts once its group has given it a
 * generation, even with no partitions (more instances than partitions); it stays counted, so a later rebalance or
 * broker restart does not take a serving instance out of its load balancer.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements AsyncHealthCheck {
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(3);

    private final KafkaClientService clients;
    private final Set<String> joined = ConcurrentHashMap.newKeySet();

    ConsumersReadiness(KafkaClientService clients) {
        this.clients = clients;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Map<String, Uni<Boolean>> asks = new TreeMap<>();
        for (String channel : clients.getConsumerChannels()) {
            List<KafkaConsumer<Object, Object>> consumers = clients.getConsumers(channel);
            for (int i = 0; i < consumers.size(); i++) {
                String name = consumers.size() == 1 ? channel : channel + "#" + i;
                asks.put(name, joined.contains(name) ? Uni.createFrom().item(true) : hasJoined(consumers.get(i))
                        .invoke(yes -> {
                            if (yes) {
                                joined.add(name);
                            }
                        }));
            }
        }
        if (asks.isEmpty()) {
            return Uni.createFrom().item(HealthCheckResponse.up("kafka consumers in their groups"));
        }
        List<String> names = List.copyOf(asks.keySet());
        return Uni.join().all(List.copyOf(asks.values())).andCollectFailures().map(answers -> {
            var response = HealthCheckResponse.named("kafka consumers in their groups");
            boolean all = true;
            for (int i = 0; i < names.size(); i++) {
                response.withData(names.get(i), answers.get(i) ? "joined" : "waiting for partitions");
                all &= answers.get(i);
            }
            return response.status(all).build();
        });
    }

    private static Uni<Boolean> hasJoined(KafkaConsumer<Object, Object> consumer) {
        return consumer.runOnPollingThread(ConsumersReadiness::joined)
                .ifNoItem().after(ASK_TIMEOUT).recoverWithItem(false)
                .onFailure().recoverWithItem(false);
    }

    private static boolean joined(Consumer<Object, Object> consumer) {
        if (!consumer.assignment().isEmpty()) {
            return true;
        }
        try {
            return consumer.groupMetadata().generationId() > 0;
        } catch (RuntimeException noGroup) {
            return true; // a consumer without a group is assigned partitions by hand: nothing to wait for
        }
    }
}
