package ai.andy.chat.turn;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which assistant answers: the language model when one is configured ({@code ANDY_LLM_BASE_URL} and
 * {@code ANDY_LLM_MODEL}), otherwise the offline intent engine.
 */
@ApplicationScoped
public class Assistants {
    private final OfflineAssistant offline;

    Assistants(OfflineAssistant offline) {
        this.offline = offline;
    }

    public Assistant active() {
        return offline;
    }
}
