package ai.andy.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;

/** {@link PostgresResource} named by {@link AndyServiceTest#service}. */
public class ServiceDatabase extends PostgresResource
        implements QuarkusTestResourceConfigurableLifecycleManager<AndyServiceTest> {

    @Override
    public void init(AndyServiceTest test) {
        init(Map.of("service", test.service()));
    }
}
