package ai.andy.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service under test at the real Redis server. */
public class RedisResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.redis.hosts", RedisServer.shared().url());
    }

    @Override
    public void stop() {
        // Shared for the JVM; tests keep their keys apart with unique user ids.
    }
}
