package ai.andy.chat.assistant.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ai.andy.chat.client.PersonalModelKeys;
import ai.andy.chat.config.LlmConfig;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Where a person's model calls go, and the streaming client for it. Their own OpenAI key (kept in auth-service's
 * vault) replaces the operator's key; with no endpoint configured it is used with OpenAI itself and
 * {@code andy.llm.personal-model}. Clients are kept per endpoint, model and key (a person's own key gets its own
 * client; the key is only a cache key), a bounded number of them, dropped after a while unused.
 */
@ApplicationScoped
public class ModelClients {
    private static final int MAX_CLIENTS = 200;
    private static final Duration IDLE = Duration.ofMinutes(30);

    private final LlmConfig config;
    private final PersonalModelKeys personalKeys;
    private final Cache<String, StreamingChatModel> clients = Caffeine.newBuilder().maximumSize(MAX_CLIENTS)
            .expireAfterAccess(IDLE).build();

    ModelClients(LlmConfig config, PersonalModelKeys personalKeys) {
        this.config = config;
        this.personalKeys = personalKeys;
    }

    /** Whether the operator configured a model (base URL and model); otherwise the offline intent engine answers. */
    public boolean configured() {
        return present(config.baseUrl()) && present(config.model());
    }

    /** This person's endpoint: the operator's, or OpenAI with their own key; empty when there is neither. */
    Optional<Endpoint> endpointFor(String userId) {
        Optional<String> own = userId == null ? Optional.empty() : personalKeys.openAiKey(userId);
        if (configured()) {
            // A person's OpenAI key only ever goes to OpenAI: never to another endpoint the operator chose.
            boolean openAi = sameHost(config.baseUrl().get(), config.personalBaseUrl());
            return Optional.of(new Endpoint(config.baseUrl().get(),
                    (openAi ? own.or(config::apiKey) : config.apiKey()).orElse(null),
                    config.model().get(), config.modelSmall().filter(m -> !m.isBlank()).orElse(null)));
        }
        return own.map(key -> new Endpoint(config.personalBaseUrl(), key, config.personalModel(), null));
    }

    StreamingChatModel client(Endpoint endpoint, String model) {
        String apiKey = endpoint.apiKey() == null || endpoint.apiKey().isBlank() ? null : endpoint.apiKey();
        return clients.get(endpoint.baseUrl() + "\n" + model + "\n" + apiKey, k -> OpenAiStreamingChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(apiKey)
                .modelName(model)
                .timeout(config.timeout())
                .logRequests(false)
                .logResponses(false)
                .build());
    }

    private static boolean sameHost(String a, String b) {
        try {
            String hostA = URI.create(a).getHost();
            return hostA != null && hostA.equalsIgnoreCase(URI.create(b).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean present(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }
}
