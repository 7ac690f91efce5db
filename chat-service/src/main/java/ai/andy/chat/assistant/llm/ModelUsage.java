package ai.andy.chat.assistant.llm;

import java.math.BigDecimal;

/**
 * Where the language model's token counts go, and the per-person daily budget they are held to. Days are UTC days:
 * a budget resets at midnight UTC. The production implementation keeps the counts in Redis and publishes
 * {@code usage.recorded}; without any implementation, usage is neither recorded nor limited.
 */
public interface ModelUsage {

    /** Input plus output tokens the person has used since the last midnight UTC. */
    long tokensToday(String userId);

    /**
     * One completed model call.
     *
     * @param cachedTokens the part of {@code inputTokens} the provider served from its prompt cache
     * @param cost         from the configured prices per 1000 tokens; {@code null} when no price is configured
     */
    void record(String userId, String model, int inputTokens, int outputTokens, int cachedTokens, BigDecimal cost);

    /**
     * Whether the person may make another model call. {@code dailyTokenBudget} is {@code andy.llm.daily-token-budget}
     * (0 = unlimited); an implementation may apply a per-person budget instead.
     */
    default boolean withinBudget(String userId, long dailyTokenBudget) {
        return dailyTokenBudget <= 0 || tokensToday(userId) < dailyTokenBudget;
    }
}
