package ai.andy.voice.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** voice-service with an operator ElevenLabs key; the URL points at a WireMock fake (WireMockResource). */
public class ElevenLabsProfile implements QuarkusTestProfile {
    public static final String KEY = "test-xi-api-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("andy.elevenlabs.api-key", KEY, "andy.voice.daily-characters", "100000");
    }
}
