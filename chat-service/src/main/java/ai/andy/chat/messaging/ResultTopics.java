package ai.andy.chat.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.andy.events.intent.Intents;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Makes sure the result topics chat listens to (every domain's, from the intent registry) exist before its consumer
 * subscribes. A consumer that subscribes to a
 * topic nobody created yet is assigned nothing, and reading from the latest offset it would miss the first answers.
 */
@ApplicationScoped
public class ResultTopics {
    private final String bootstrapServers;
    private final List<String> topics;

    ResultTopics(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.topics = List.copyOf(Intents.resultTopics());
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000))) {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, java.util.Optional.empty(), java.util.Optional.empty())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                Log.infof("created result topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                Log.warnf("could not create the result topics; they appear when a service first answers: %s",
                        e.getCause().toString());
            }
        } catch (TimeoutException e) {
            Log.warnf("could not create the result topics in time; they appear when a service first answers");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
