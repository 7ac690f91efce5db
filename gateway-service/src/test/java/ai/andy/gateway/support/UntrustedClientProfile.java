package ai.andy.gateway.support;

import java.util.HashMap;
import java.util.Map;

/** The gateway facing clients directly: no proxy in front of it is trusted, as by default. */
public class UntrustedClientProfile extends GatewayTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("andy.gateway.trusted-proxies", "");
        return config;
    }
}
