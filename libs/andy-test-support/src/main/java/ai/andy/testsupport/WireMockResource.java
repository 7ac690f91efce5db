package ai.andy.testsupport;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A WireMock server on a dynamic port standing in for an external provider (Google, Microsoft Graph, Twilio,
 * ElevenLabs, OpenAI). Init arg {@code properties}: comma-separated configuration keys to point at its base URL
 * (e.g. {@code andy.gmail.root-url}), each optionally with its own path ({@code andy.oauth.google.token-url=/token});
 * optional {@code path} is appended to the URL of keys without their own.
 * Tests stub the provider's documented JSON on the server injected into {@link InjectWireMock} fields.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {
    private WireMockServer server;
    private String[] properties = new String[0];
    private String path = "";

    @Override
    public void init(Map<String, String> initArgs) {
        properties = Arrays.stream(initArgs.getOrDefault("properties", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
        path = initArgs.getOrDefault("path", "");
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Map<String, String> config = new HashMap<>();
        for (String property : properties) {
            int eq = property.indexOf('=');
            if (eq > 0) {
                config.put(property.substring(0, eq).trim(), server.baseUrl() + property.substring(eq + 1).trim());
            } else {
                config.put(property, server.baseUrl() + path);
            }
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
