package ai.andy.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;

/** {@link WireMockResource} for the keys {@link AndyServiceTest#providerFake} names; nothing when it names none. */
public class ProviderFake extends WireMockResource
        implements QuarkusTestResourceConfigurableLifecycleManager<AndyServiceTest> {
    private boolean wanted;

    @Override
    public void init(AndyServiceTest test) {
        wanted = test.providerFake().length > 0;
        init(Map.of("properties", String.join(",", test.providerFake())));
    }

    @Override
    public Map<String, String> start() {
        return wanted ? super.start() : Map.of();
    }
}
