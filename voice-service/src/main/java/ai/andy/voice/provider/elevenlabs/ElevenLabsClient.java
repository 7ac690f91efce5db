package ai.andy.voice.provider.elevenlabs;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import ai.andy.voice.provider.ProviderException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * {@link ElevenLabsApi} behind retries (5xx and broken connections only, with jitter) and one circuit breaker for the
 * ElevenLabs operation, which also count 429s so a throttled account is left alone for a while. A 429's Retry-After goes back to
 * the caller instead of being slept on here. Multipart uploads are not retried: the form is consumed once.
 */
@ApplicationScoped
public class ElevenLabsClient {
    private final ElevenLabsApi api;

    ElevenLabsClient(@RestClient ElevenLabsApi api) {
        this.api = api;
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = { ProviderException.Unavailable.class,
            ProcessingException.class })
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 30_000, failOn = {
            ProviderException.Unavailable.class, ProviderException.RateLimited.class, ProcessingException.class,
            TimeoutException.class })
    @CircuitBreakerName("elevenlabs-speech")
    @Timeout(30_000)
    public InputStream stream(String key, String voiceId, String outputFormat, Integer latency,
            ElevenLabsApi.SpeechBody body) {
        return api.stream(key, voiceId, outputFormat, latency, body);
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 30_000, failOn = {
            ProviderException.Unavailable.class, ProviderException.RateLimited.class, ProcessingException.class,
            TimeoutException.class })
    @CircuitBreakerName("elevenlabs-add")
    @Timeout(60_000)
    public ElevenLabsApi.AddedVoice add(String key, ClientMultipartForm form) {
        return api.add(key, form);
    }

    @CircuitBreakerName("elevenlabs-edit")
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 30_000, failOn = {
            ProviderException.Unavailable.class, ProviderException.RateLimited.class, ProcessingException.class,
            TimeoutException.class })
    @Timeout(15_000)
    public void edit(String key, String voiceId, ClientMultipartForm form) {
        api.edit(key, voiceId, form);
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = { ProviderException.Unavailable.class,
            ProcessingException.class })
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 30_000, failOn = {
            ProviderException.Unavailable.class, ProviderException.RateLimited.class, ProcessingException.class,
            TimeoutException.class })
    @CircuitBreakerName("elevenlabs-list")
    @Timeout(15_000)
    public ElevenLabsApi.Voices voices(String key) {
        return api.voices(key);
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = { ProviderException.Unavailable.class,
            ProcessingException.class })
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 30_000, failOn = {
            ProviderException.Unavailable.class, ProviderException.RateLimited.class, ProcessingException.class,
            TimeoutException.class })
    @CircuitBreakerName("elevenlabs-delete")
    @Timeout(15_000)
    public void delete(String key, String voiceId) {
        api.delete(key, voiceId);
    }
}
