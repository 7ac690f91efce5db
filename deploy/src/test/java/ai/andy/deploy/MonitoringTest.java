package ai.andy.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the Grafana dashboard in deploy/monitoring parse, every alert says how bad it is and what to do,
 * the alerts the architecture asks for are there (dead letters, lag, open breakers), and every expression names only
 * metric families that Quarkus' Micrometer registry or Strimzi's Kafka Exporter publish.
 */
class MonitoringTest {
    private static final Path DIR = Path.of("monitoring");
    /** Families the services expose at /q/metrics (Micrometer: HTTP server, JVM, Kafka clients, SmallRye FT). */
    private static final Set<String> KNOWN = Set.of("http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket", "jvm_memory_used_bytes", "jvm_memory_max_bytes",
            "kafka_producer_topic_record_send_total", "ft_circuitbreaker_state_current",
            // Strimzi's Kafka Exporter, and Prometheus' own
            "kafka_consumergroup_lag", "up");
    private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\\b");
    private static final Set<String> PROMQL = Set.of("sum", "by", "rate", "increase", "max", "histogram_quantile",
            "le", "pod", "topic", "namespace", "consumergroup", "circuitBreakerName", "method", "status", "uri", "area",
            "state");

    @Test
    void alertRulesAreCompleteAndCoverWhatTheArchitectureAsksFor() throws IOException {
        JsonNode rule = new YAMLMapper().readTree(DIR.resolve("prometheus-rules.yaml").toFile());
        assertEquals("PrometheusRule", rule.path("kind").asText());
        Set<String> alerts = new HashSet<>();
        for (JsonNode group : rule.at("/spec/groups")) {
            for (JsonNode alert : group.path("rules")) {
                String name = alert.path("alert").asText();
                alerts.add(name);
                assertFalse(alert.path("expr").asText().isBlank(), name + " has no expr");
                assertTrue(Set.of("warning", "critical").contains(alert.at("/labels/severity").asText()),
                        name + " has no severity");
                assertFalse(alert.at("/annotations/summary").asText().isBlank(), name + " has no summary");
                assertFalse(alert.at("/annotations/description").asText().isBlank(), name + " says not what to do");
                assertKnownMetrics(name, alert.path("expr").asText());
            }
        }
        assertTrue(alerts.containsAll(List.of("AndyDeadLettersGrowing", "AndyConsumerLagHigh",
                "AndyCircuitBreakerOpen", "AndyServerErrors", "AndyServiceDown")), alerts.toString());
    }

    @Test
    void dashboardParsesAndQueriesOnlyPublishedMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DIR.resolve("grafana-dashboard.json").toFile());
        assertEquals("andy-overview", dashboard.path("uid").asText());
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel id used twice: " + panel.path("id"));
            assertTrue(panel.path("targets").size() > 0, panel.path("title").asText() + " has no query");
            for (JsonNode target : panel.path("targets")) {
                assertKnownMetrics(panel.path("title").asText(), target.path("expr").asText());
            }
        }
        assertTrue(ids.size() >= 6, "too few panels");
    }

    private static void assertKnownMetrics(String where, String expr) {
        Matcher m = METRIC.matcher(expr.replaceAll("\"[^\"]*\"", "\"\""));
        List<String> unknown = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            if (!PROMQL.contains(name) && !KNOWN.contains(name)) {
                unknown.add(name);
            }
        }
        assertTrue(unknown.isEmpty(), where + " uses metrics nobody publishes: " + unknown);
    }
}
