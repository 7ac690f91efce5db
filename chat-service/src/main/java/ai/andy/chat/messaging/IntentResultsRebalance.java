package ai.andy.chat.messaging;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import ai.andy.chat.service.IntentBus;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/** Notes when the result topics' partitions are assigned (see {@link IntentBus#listening()}). */
@ApplicationScoped
@Identifier("intent-results-rebalance")
public class IntentResultsRebalance implements KafkaConsumerRebalanceListener {
    private final IntentBus bus;

    IntentResultsRebalance(IntentBus bus) {
        this.bus = bus;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            bus.assigned();
            Log.debugf("reading intent results from %d partition(s)", partitions.size());
        }
    }
}
