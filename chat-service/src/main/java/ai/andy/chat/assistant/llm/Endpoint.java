package ai.andy.chat.assistant.llm;

import java.net.URI;

/** One model endpoint as a person's turn uses it; the key is never logged or shown. */
record Endpoint(String baseUrl, String apiKey, String model, String modelSmall) {

    /** The provider's host, for messages to the person ("the language model provider (api.openai.com)"). */
    String host() {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null ? "unknown" : host;
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return "Endpoint[" + baseUrl + ", " + model + "]";
    }
}
