package ai.andy.email.provider.graph;

import static ai.andy.email.provider.graph.GraphErrors.PROVIDER;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.NativeResponseHandler;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;

import ai.andy.email.config.EmailConfig;
import ai.andy.email.provider.ProviderAccount;
import ai.andy.email.provider.ProviderCalls;
import ai.andy.email.provider.UsageMeter;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * How every Graph request goes out: one OkHttp pool, immutable ids ({@code Prefer: IdType="ImmutableId"}: ordinary
 * Graph ids change whenever a message moves), retries and the breaker from {@link ProviderCalls} (so the SDK's own
 * retry middleware is left out), usage counted, and at most {@value #MAX_IN_FLIGHT_PER_MAILBOX} requests per mailbox
 * in flight, Exchange's per-mailbox limit; the permit is held only while a request is on the wire, never during a
 * back-off.
 */
@ApplicationScoped
class GraphRequests {
    static final int MAX_IN_FLIGHT_PER_MAILBOX = 4;
    /** Graph refuses JSON batches of more than 20 requests. */
    static final int BATCH_LIMIT = 20;
    private static final String IMMUTABLE_IDS = "IdType=\"ImmutableId\"";

    @FunctionalInterface
    interface GraphRequest<T> {
        T send() throws IOException;
    }

    private final String baseUrl;
    private final AllowedHostsValidator graphHost;
    private final UsageMeter usage;
    private final ProviderCalls calls = ProviderCalls.withDefaults(PROVIDER);
    private final OkHttpClient http;
    private final Map<UUID, Semaphore> inFlight = new ConcurrentHashMap<>();

    GraphRequests(EmailConfig config, UsageMeter usage) {
        String configured = config.graph().baseUrl();
        this.baseUrl = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        String path = URI.create(this.baseUrl).getPath();
        // The SDK's batch content cuts the first five characters of each step's path ("/v1.0" or "/beta").
        if (!"/v1.0".equals(path) && !"/beta".equals(path)) {
            throw new IllegalArgumentException("andy.email.graph.base-url must end in /v1.0 or /beta");
        }
        this.graphHost = new AllowedHostsValidator(URI.create(this.baseUrl).getHost());
        this.usage = usage;
        List<Interceptor> interceptors = Arrays.stream(GraphClientFactory.createDefaultGraphInterceptors(
                new GraphClientOption())).filter(interceptor -> !(interceptor instanceof RetryHandler))
                .collect(Collectors.toCollection(ArrayList::new));
        interceptors.add(chain -> chain.proceed(chain.request().newBuilder().addHeader("Prefer", IMMUTABLE_IDS).build()));
        this.http = GraphClientFactory.create(interceptors).build();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** A client for one call: cheap, as all of them share one OkHttp connection pool. */
    GraphServiceClient client(ProviderAccount account) {
        GraphServiceClient graph = new GraphServiceClient(
                new BaseBearerTokenAuthenticationProvider(new AccountToken(account, graphHost)), http);
        graph.getRequestAdapter().setBaseUrl(baseUrl);
        return graph;
    }

    /** One Graph request (or one {@code $batch}, counted as its parts) under retries, the breaker and the permit. */
    <T> T send(ProviderAccount account, String operation, int units, GraphRequest<T> request) {
        Semaphore permits = inFlight.computeIfAbsent(account.accountId(),
                id -> new Semaphore(MAX_IN_FLIGHT_PER_MAILBOX, true));
        return calls.call(() -> {
            permits.acquire();
            try {
                usage.record(account.userId(), PROVIDER, operation, units);
                return request.send();
            } catch (IOException io) {
                throw new ProviderCalls.Retryable(0, null, io);
            } catch (RuntimeException failure) {
                throw GraphErrors.translate(failure, operation);
            } finally {
                permits.release();
            }
        });
    }

    /**
     * Sends a JSON batch through the SDK's batch content. The raw answer is read here because the SDK's batch builder
     * does not fail on a throttled batch; a throttled or failing step fails the whole batch so it is retried as one
     * (batches here only read).
     */
    BatchResponseContent batch(ProviderAccount account, GraphServiceClient graph, String operation,
            List<BatchRequestStep> steps) {
        return send(account, operation, steps.size(), () -> {
            // Step by step: the SDK's list constructor refuses a full batch of 20 (it checks size >= 20).
            BatchRequestContent content = new BatchRequestContent(graph);
            for (BatchRequestStep step : steps) {
                if (!content.addBatchRequestStep(step)) {
                    throw new IllegalStateException("batch step refused: duplicate id or more than " + BATCH_LIMIT);
                }
            }
            RequestInformation info = graph.getBatchRequestBuilder().toPostRequestInformation(content);
            NativeResponseHandler handler = new NativeResponseHandler();
            info.setResponseHandler(handler);
            graph.getRequestAdapter().sendPrimitive(info, new HashMap<>(), InputStream.class);
            try (Response response = (Response) handler.getValue()) {
                if (!response.isSuccessful()) {
                    throw GraphErrors.forStatus(response.code(), response.header("Retry-After"), null, "$batch");
                }
                BatchResponseContent answers = new BatchResponseContent(response);
                for (Map.Entry<String, Integer> status : answers.getResponsesStatusCode().entrySet()) {
                    if (status.getValue() == 429 || status.getValue() >= 500) {
                        throw GraphErrors.forStatus(status.getValue(),
                                answers.getResponseById(status.getKey()).header("Retry-After"), null, operation);
                    }
                }
                return answers;
            }
        });
    }

    /**
     * A batch step addressed relative to the Graph root. Built directly rather than from the fluent API: the SDK's
     * {@code me()} paths only become {@code /me} in middleware, which batch steps never pass through, and converting
     * would copy the bearer token into the batch body.
     */
    BatchRequestStep step(String id, String pathAndQuery) {
        Request request = new Request.Builder().url(baseUrl + "/" + pathAndQuery).header("Prefer", IMMUTABLE_IDS).get()
                .build();
        return new BatchRequestStep(id, request);
    }

    /** The account's token, only for the Graph host and never in clear text beyond this machine (the test fake). */
    private record AccountToken(ProviderAccount account, AllowedHostsValidator hosts) implements AccessTokenProvider {
        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
            if (!hosts.isUrlHostValid(uri) || !("https".equalsIgnoreCase(uri.getScheme()) || loopback(uri.getHost()))) {
                return "";
            }
            return account.accessToken().get();
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
            return hosts;
        }

        private static boolean loopback(String host) {
            try {
                return "localhost".equalsIgnoreCase(host) || InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException unknown) {
                return false;
            }
        }
    }
}
