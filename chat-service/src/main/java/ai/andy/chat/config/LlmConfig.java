package ai.andy.chat.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The language model behind chat turns: any OpenAI-compatible chat-completions endpoint (OpenAI, Azure, Ollama,
 * vLLM...). Nothing here is read at build time, so base URL, key and model come from the environment at runtime
 * ({@code ANDY_LLM_BASE_URL}, {@code ANDY_LLM_API_KEY}, {@code ANDY_LLM_MODEL}). With no base URL or no model, Andy
 * uses the offline intent engine.
 */
@ConfigMapping(prefix = "andy.llm")
public interface LlmConfig {

    /** The API root, e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}. */
    Optional<String> baseUrl();

    /** Sent as a bearer token; local servers may need none. Never logged, never shown. */
    Optional<String> apiKey();

    /**
     * Where a person's own OpenAI key (auth-service, kind {@code openai}) is used when the operator configured no
     * endpoint; their key only ever goes to this host.
     */
    @WithDefault("https://api.openai.com/v1")
    String personalBaseUrl();

    /** The model used with a person's own OpenAI key when the operator configured no endpoint. */
    @WithDefault("gpt-4o-mini")
    String personalModel();

    /** The model for every turn that is not simple. */
    Optional<String> model();

    /**
     * A cheaper model for the first call of a simple turn: a new conversation (no history) whose text is at most
     * {@link #smallTurnMaxChars()} characters. Once a tool result is in the conversation the main model takes over,
     * as it reads content written by others. Unset: the main model answers everything.
     */
    Optional<String> modelSmall();

    /** The longest first message (in characters) that still counts as a simple turn for {@link #modelSmall()}. */
    @WithDefault("160")
    int smallTurnMaxChars();

    /** At most this many model calls per turn; a turn still asking for tools after the last one is stopped. */
    @WithDefault("5")
    int maxToolSteps();

    /** Connect timeout, and the longest silence allowed while a streamed answer is arriving. */
    @WithDefault("60s")
    Duration timeout();

    /** Further attempts after a 429, a 5xx, a connection failure or a timeout, while nothing was streamed yet. */
    @WithDefault("3")
    int retries();

    /** The first backoff; doubled each attempt, with jitter. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** The longest single wait; a provider asking (Retry-After) for longer gets a message instead. */
    @WithDefault("30s")
    Duration maxRetryWait();

    /** Input plus output tokens per person per UTC day; 0 means unlimited. */
    @WithDefault("200000")
    long dailyTokenBudget();

    /** The earlier messages sent with a turn (the most recent ones). */
    @WithDefault("40")
    int maxHistoryMessages();

    /** Price of 1000 input tokens, for the cost in usage records (any currency, as long as it is one). */
    @WithName("price-per-1k-input")
    Optional<BigDecimal> pricePer1kInput();

    /** Price of 1000 output tokens. */
    @WithName("price-per-1k-output")
    Optional<BigDecimal> pricePer1kOutput();
}
