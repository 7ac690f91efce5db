package ai.andy.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The production overlay (deploy/k8s/overlays/production) has what an operator taking Andy to many people needs:
 * a KafkaTopic for every topic the code names, and its dead-letter topic, replicated; autoscaling, disruption budgets
 * and a network policy for every service behind a default deny; every referenced Secret supplied by the secret manager.
 */
class ProductionOverlayTest {
    private static final String OVERLAY = "overlays/production";
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("String [A-Z_]+ = \"([a-z]+\\.[a-z.]+)\"");

    @Test
    void everyTopicTheCodeNamesIsAReplicatedKafkaTopicWithItsDeadLetterTopic() throws IOException {
        List<JsonNode> docs = KubernetesManifestsTest.render(OVERLAY);
        Set<String> declared = new TreeSet<>();
        for (JsonNode topic : of(docs, "KafkaTopic")) {
            String name = topic.at("/spec/topicName").asText();
            declared.add(name);
            assertEquals(3, topic.at("/spec/replicas").asInt(), name + " replicas");
            assertEquals("2", topic.at("/spec/config/min.insync.replicas").asText(), name + " min.insync.replicas");
            long retention = Long.parseLong(topic.at("/spec/config/retention.ms").asText());
            assertTrue(retention > 0 && retention <= 7L * 24 * 3600 * 1000, name + " retention " + retention);
            assertEquals("kafka", topic.at("/metadata/labels/strimzi.io~1cluster").asText(), name + " cluster");
        }
        for (String topic : topicsInCode()) {
            assertTrue(declared.contains(topic), "no KafkaTopic for " + topic);
            assertTrue(declared.contains(topic + ".dlq"), "no KafkaTopic for " + topic + ".dlq");
        }
    }

    @Test
    void topicsCarryingPersonalTextAreKeptBriefly() {
        List<JsonNode> docs = KubernetesManifestsTest.render(OVERLAY);
        for (String topic : List.of("chat.intent", "notify.user", "email.fetched", "calendar.fetched",
                "telephony.fetched", "voice.fetched")) {
            JsonNode found = of(docs, "KafkaTopic").stream()
                    .filter(t -> t.at("/spec/topicName").asText().equals(topic)).findFirst().orElseThrow();
            long retention = Long.parseLong(found.at("/spec/config/retention.ms").asText());
            assertTrue(retention <= 6L * 3600 * 1000, topic + " keeps personal text for " + retention + " ms");
            long segment = Long.parseLong(found.at("/spec/config/segment.ms").asText());
            assertTrue(segment <= retention, topic + ": a segment of " + segment + " ms outlives the retention");
        }
    }

    @Test
    void everyServiceScalesKeepsOneInstanceThroughDrainsAndHasANetworkPolicy() {
        List<JsonNode> docs = KubernetesManifestsTest.render(OVERLAY);
        JsonNode deny = named(docs, "NetworkPolicy", "default-deny");
        assertTrue(deny.at("/spec/podSelector").isEmpty(), "default-deny must select every pod");
        assertEquals("[\"Ingress\",\"Egress\"]", deny.at("/spec/policyTypes").toString());
        for (String service : KubernetesManifestsTest.SERVICES.keySet()) {
            JsonNode hpa = named(docs, "HorizontalPodAutoscaler", service);
            assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2, service + " minReplicas");
            assertTrue(hpa.at("/spec/maxReplicas").asInt() <= 12, service + " scales past the topics' 12 partitions");
            JsonNode pdb = named(docs, "PodDisruptionBudget", service);
            assertEquals(service, pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText());
            JsonNode policy = named(docs, "NetworkPolicy", service);
            assertEquals(service, policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText());
            JsonNode deployment = named(docs, "Deployment", service);
            assertEquals(2, deployment.at("/spec/template/spec/topologySpreadConstraints").size(),
                    service + " is not spread over nodes and zones");
        }
    }

    @Test
    void onlyServicesThatCallProvidersReachTheInternetAndOnlyTheGatewayIsReachableFromTheIngress() {
        List<JsonNode> docs = KubernetesManifestsTest.render(OVERLAY);
        for (String service : KubernetesManifestsTest.SERVICES.keySet()) {
            JsonNode policy = named(docs, "NetworkPolicy", service);
            boolean internet = policy.at("/spec/egress").findValues("cidr").stream()
                    .anyMatch(cidr -> cidr.asText().equals("0.0.0.0/0"));
            assertEquals(!service.equals("gateway-service"), internet, service + " internet egress");
            boolean fromIngress = policy.at("/spec/ingress").toString().contains("ingress-nginx");
            assertEquals(service.equals("gateway-service"), fromIngress, service + " reachable from the ingress");
        }
    }

    @Test
    void everySecretADeploymentReadsComesFromTheSecretManager() {
        List<JsonNode> docs = KubernetesManifestsTest.render(OVERLAY);
        Set<String> supplied = new HashSet<>();
        of(docs, "ExternalSecret").forEach(e -> supplied.add(e.at("/spec/target/name").asText()));
        for (JsonNode deployment : of(docs, "Deployment")) {
            for (JsonNode ref : deployment.findValues("secretKeyRef")) {
                String name = ref.path("name").asText();
                assertTrue(supplied.contains(name), describe(deployment) + " reads Secret " + name
                        + ", which no ExternalSecret supplies");
            }
        }
        assertFalse(of(docs, "Secret").size() > 0, "a Secret is rendered");
    }

    @Test
    void everyServiceDatabaseIsMadeByTheOperator() {
        List<JsonNode> docs = KubernetesManifestsTest.render(OVERLAY);
        Set<String> databases = new TreeSet<>();
        of(docs, "Database").forEach(d -> databases.add(d.at("/spec/name").asText()));
        databases.add(named(docs, "Cluster", "andy-postgres").at("/spec/bootstrap/initdb/database").asText());
        for (String service : KubernetesManifestsTest.SERVICES.keySet()) {
            if (KubernetesManifestsTest.WITHOUT_DATABASE.contains(service)) {
                continue;
            }
            String database = "andy_" + service.substring(0, service.indexOf('-'));
            assertTrue(databases.contains(database), "no database " + database);
            JsonNode config = named(docs, "ConfigMap", service).path("data");
            assertEquals("false", config.path("ANDY_DB_CREATE_IF_MISSING").asText(), service);
        }
    }

    static Set<String> topicsInCode() throws IOException {
        Path topics = Path.of("..", "libs", "andy-events", "src", "main", "java", "ai", "andy", "events",
                "Topics.java");
        Matcher m = TOPIC_CONSTANT.matcher(Files.readString(topics));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.size() > 20, "read too few topics from " + topics);
        return names;
    }

    private static List<JsonNode> of(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static JsonNode named(List<JsonNode> docs, String kind, String name) {
        return of(docs, kind).stream().filter(d -> name.equals(d.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static String describe(JsonNode doc) {
        return doc.path("kind").asText() + " " + doc.at("/metadata/name").asText();
    }
}
