package ai.andy.chat.config;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import ai.andy.events.intent.Intents;

/**
 * The topics of the {@code intent-results} channel, taken from the intent registry ({@link Intents#resultTopics()}):
 * a domain added there is listened to without a second list to keep in step. Below application.properties, so an
 * operator can still name them there or in the environment.
 */
public class ResultTopicsConfigSource implements ConfigSource {
    static final String TOPICS = "mp.messaging.incoming.intent-results.topics";

    private final Map<String, String> properties = Map.of(TOPICS, String.join(",", Intents.resultTopics()));

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String name) {
        return properties.get(name);
    }

    @Override
    public String getName() {
        return "andy-intent-registry";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
