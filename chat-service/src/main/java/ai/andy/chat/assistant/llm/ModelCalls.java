package ai.andy.chat.assistant.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import ai.andy.chat.assistant.Turn;
import ai.andy.chat.assistant.llm.Failures.Failure;
import ai.andy.chat.assistant.llm.ModelException.Kind;
import ai.andy.chat.config.LlmConfig;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;

/**
 * One model call as a turn makes it: the person's daily budget checked first, the answer streamed, its token counts
 * recorded. A call is tried again through SmallRye Fault Tolerance (exponential backoff with jitter, honouring the
 * provider's Retry-After) after a 429, a 5xx, a connection failure or a timeout, but only while nothing of it has been
 * streamed: a stream that breaks off is reported, and none of its tool calls run.
 */
@ApplicationScoped
class ModelCalls {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final LlmConfig config;
    private final ModelClients clients;
    private final Instance<ModelUsage> usages;
    private final Guard retries;
    private final AtomicBoolean warnedNoUsage = new AtomicBoolean();

    ModelCalls(LlmConfig config, ModelClients clients, Instance<ModelUsage> usages) {
        this.config = config;
        this.clients = clients;
        this.usages = usages;
        int attempts = Math.max(0, config.retries()) + 1;
        this.retries = Guard.create().withDescription("language model call")
                .withRetry().maxRetries(Math.max(0, config.retries()))
                .maxDuration(attempts * (config.timeout().toMillis() + config.maxRetryWait().toMillis()) + 1000,
                        ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(Retry.class::isInstance)
                .withCustomBackoff().strategy(Backoff::new).done()
                .done().build();
    }

    /**
     * One model call with its retries; usage recorded for every completed call.
     *
     * @throws ModelException when the budget is used up or no answer came
     */
    ChatResponse call(Turn turn, Endpoint endpoint, String modelName, List<ChatMessage> messages,
            Consumer<String> tokens) {
        checkBudget(turn);
        ChatRequest request = ChatRequest.builder().messages(List.copyOf(messages))
                .toolSpecifications(IntentTools.SPECIFICATIONS).build();
        int[] attempt = { 0 };
        try {
            return retries.get(() -> attempt(turn.userId(), endpoint, modelName, request, tokens, attempt[0]++),
                    ChatResponse.class);
        } catch (Retry last) {
            throw new ModelException(last.failure.kind(), FailureWording.message(last.failure, attempt[0], modelName,
                    endpoint.host(), config.timeout()));
        }
    }

    private ChatResponse attempt(String userId, Endpoint endpoint, String modelName, ChatRequest request,
            Consumer<String> tokens, int attempt) {
        ModelStream.Result result = ModelStream.run(clients.client(endpoint, modelName), request, config.timeout(),
                tokens);
        if (result instanceof ModelStream.Completed completed) {
            record(userId, modelName, completed.response());
            return completed.response();
        }
        ModelStream.Failed failed = (ModelStream.Failed) result;
        Failure failure = Failures.classify(failed.error(), failed.receivedAny(), failed.timedOut(), endpoint.apiKey());
        Log.warnf("model call failed: model=%s attempt=%d kind=%s status=%d cause=%s", modelName, attempt + 1,
                failure.kind(), failure.status(), failed.error().getClass().getName());
        if (failed.error() instanceof InterruptedException) {
            throw new ModelException(Kind.FAILED, "The answer was interrupted.");
        }
        if (failed.error() instanceof ModelStream.UnreadableStream) {
            throw new ModelException(Kind.INCOMPLETE, FailureWording.unreadable(endpoint.host()));
        }
        if (!failure.retryable() || failed.tokensShown() || failed.receivedAny()) {
            throw new ModelException(failure.kind(), FailureWording.message(failure, attempt + 1, modelName,
                    endpoint.host(), config.timeout()));
        }
        Duration asked = Duration.ZERO;
        if (attempt < config.retries()) {
            asked = RetryAfterFilter.remaining(endpoint.baseUrl(), endpoint.apiKey());
            if (asked.compareTo(config.maxRetryWait()) > 0) {
                throw new ModelException(Kind.RATE_LIMITED, FailureWording.asksToWait(endpoint.host(), asked));
            }
        }
        throw new Retry(failure, attempt, asked);
    }

    /** A failed attempt worth another try: what went wrong, which attempt it was, how long the provider asked. */
    private static final class Retry extends RuntimeException {
        final transient Failure failure;
        final int attempt;
        final Duration asked;

        Retry(Failure failure, int attempt, Duration asked) {
            super(failure.kind().name(), null, false, false);
            this.failure = failure;
            this.attempt = attempt;
            this.asked = asked;
        }
    }

    /**
     * Exponential backoff with "equal jitter" (half the step for sure, the other half at random), or the provider's
     * Retry-After when that is longer.
     */
    private final class Backoff implements CustomBackoffStrategy {
        @Override
        public long nextDelayInMillis(Throwable failure) {
            int attempt = failure instanceof Retry r ? r.attempt : 0;
            long base = Math.max(1, config.retryBackoff().toMillis());
            long step = Math.min(config.maxRetryWait().toMillis(), base << Math.min(attempt, 20));
            long wait = step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
            if (failure instanceof Retry r && r.asked.toMillis() > wait) {
                wait = r.asked.toMillis() + ThreadLocalRandom.current().nextLong(50, 250);
            }
            return wait;
        }
    }

    private void checkBudget(Turn turn) {
        Optional<ModelUsage> usage = usage();
        if (usage.isEmpty()) {
            return;
        }
        boolean within;
        try {
            within = usage.get().withinBudget(turn.userId(), config.dailyTokenBudget());
        } catch (RuntimeException e) {
            // Counting is down: answer anyway rather than lock everyone out.
            Log.warnf("could not read the person's model usage; not enforcing the budget: %s",
                    e.getClass().getName());
            return;
        }
        if (!within) {
            ZonedDateTime now = turn.now() == null ? ZonedDateTime.now(ZoneOffset.UTC) : turn.now();
            Instant reset = now.toInstant().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
            Duration left = Duration.between(now.toInstant(), reset);
            throw new ModelException(Kind.BUDGET, "You have used up today's language-model budget. It resets at "
                    + "midnight UTC (" + CLOCK.format(reset.atZone(now.getZone())) + " your time, in about "
                    + FailureWording.roundUp(left) + ").");
        }
    }

    private void record(String userId, String modelName, ChatResponse response) {
        TokenUsage tokens = response.tokenUsage();
        Optional<ModelUsage> usage = usage();
        if (tokens == null || usage.isEmpty()) {
            return;
        }
        int input = tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        int output = tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        int cached = 0;
        if (tokens instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null
                && openAi.inputTokensDetails().cachedTokens() != null) {
            cached = openAi.inputTokensDetails().cachedTokens();
        }
        BigDecimal cost = null;
        if (config.pricePer1kInput().isPresent() || config.pricePer1kOutput().isPresent()) {
            cost = config.pricePer1kInput().orElse(BigDecimal.ZERO).multiply(BigDecimal.valueOf(input))
                    .add(config.pricePer1kOutput().orElse(BigDecimal.ZERO).multiply(BigDecimal.valueOf(output)))
                    .divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
        }
        try {
            usage.get().record(userId, modelName, input, output, cached, cost);
        } catch (RuntimeException e) {
            Log.warnf("could not record model usage: %s", e.getClass().getName());
        }
    }

    private Optional<ModelUsage> usage() {
        if (usages.isResolvable()) {
            return Optional.of(usages.get());
        }
        if (warnedNoUsage.compareAndSet(false, true)) {
            Log.warn("no ModelUsage implementation: model tokens are neither recorded nor limited");
        }
        return Optional.empty();
    }
}
