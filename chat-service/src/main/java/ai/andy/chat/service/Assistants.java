package ai.andy.chat.service;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.assistant.Assistant;
import ai.andy.chat.assistant.OfflineAssistant;
import ai.andy.chat.assistant.llm.LanguageModelAssistant;

/**
 * Which assistant answers: the language model when one is configured ({@code ANDY_LLM_BASE_URL} and
 * {@code ANDY_LLM_MODEL}) or the person keeps their own OpenAI key with Andy, otherwise the offline intent engine.
 */
@ApplicationScoped
public class Assistants {
    private final OfflineAssistant offline;
    private final LanguageModelAssistant model;

    Assistants(OfflineAssistant offline, LanguageModelAssistant model) {
        this.offline = offline;
        this.model = model;
    }

    /** The model when one is configured or the person gave Andy their own OpenAI key; else the offline engine. */
    public Assistant activeFor(String userId) {
        return model.configuredFor(userId) ? model : offline;
    }

    public OfflineAssistant offline() {
        return offline;
    }

    public LanguageModelAssistant model() {
        return model;
    }
}
