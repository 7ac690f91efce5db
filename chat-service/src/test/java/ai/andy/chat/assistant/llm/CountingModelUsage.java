package ai.andy.chat.assistant.llm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Model usage in memory, for tests: counts per person and every record. An alternative, so it only stands in where a
 * test profile enables it (the production implementation stays in charge everywhere else).
 */
@Alternative
@ApplicationScoped
public class CountingModelUsage implements ModelUsage {

    public record Recorded(String userId, String model, int inputTokens, int outputTokens, int cachedTokens,
            BigDecimal cost) {
    }

    private final Map<String, Long> today = new ConcurrentHashMap<>();
    private final List<Recorded> records = new CopyOnWriteArrayList<>();

    @Override
    public long tokensToday(String userId) {
        return today.getOrDefault(userId, 0L);
    }

    @Override
    public void record(String userId, String model, int inputTokens, int outputTokens, int cachedTokens,
            BigDecimal cost) {
        records.add(new Recorded(userId, model, inputTokens, outputTokens, cachedTokens, cost));
        today.merge(userId, (long) inputTokens + outputTokens, Long::sum);
    }

    public void setTokensToday(String userId, long tokens) {
        today.put(userId, tokens);
    }

    public List<Recorded> records(String userId) {
        return records.stream().filter(r -> r.userId().equals(userId)).toList();
    }
}
