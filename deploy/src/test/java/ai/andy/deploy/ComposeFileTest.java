package ai.andy.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks docker-compose.yml at the repository root without a Docker engine: the stack is
 * complete, health-checked, restarted, started in order, and commits no secret. When Debian's
 * docker-compose (v1) is on the PATH, it also has Compose itself validate the file.
 */
class ComposeFileTest {

    static final Map<String, Integer> SERVICES = KubernetesManifestsTest.SERVICES;
    static final List<String> INFRASTRUCTURE = List.of("kafka", "postgres", "redis");
    static final Set<String> RESTART_POLICIES = Set.of("always", "unless-stopped", "on-failure");
    /** A value that only interpolates the environment: ${NAME}, ${NAME:-default}, ${NAME-default}. */
    static final Pattern INTERPOLATION = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?[-?][^}]*)?}");

    private static Path file;
    private static JsonNode compose;

    @BeforeAll
    static void parse() throws IOException {
        file = composeFile();
        compose = new YAMLMapper().readTree(file.toFile());
        assertTrue(compose != null && compose.path("services").isObject(), file + " has no services");
    }

    @Test
    void declaresTheSevenServicesAndTheInfrastructure() {
        for (String name : Stream.concat(INFRASTRUCTURE.stream(), SERVICES.keySet().stream()).toList()) {
            assertTrue(service(name).isObject(), "no service " + name + " in " + file);
        }
        assertEquals("apache/kafka:4.1.2", service("kafka").path("image").asText(), "kafka image");
        assertTrue(service("postgres").path("image").asText().startsWith("postgres:15"), "postgres image");
        assertTrue(service("redis").path("image").asText().startsWith("redis:7"), "redis image");
        for (String name : SERVICES.keySet()) {
            assertTrue(service(name).path("image").asText().startsWith("andy/" + name + ":"), name + " image");
        }
    }

    @Test
    void everyServiceHasAHealthcheckAndARestartPolicy() {
        for (Map.Entry<String, JsonNode> entry : compose.path("services").properties()) {
            String name = entry.getKey();
            JsonNode healthcheck = entry.getValue().path("healthcheck");
            assertTrue(healthcheck.isObject() && !healthcheck.path("disable").asBoolean(false), name + " has no healthcheck");
            JsonNode test = healthcheck.path("test");
            assertTrue((test.isArray() && test.size() > 1 && !"NONE".equals(test.get(0).asText()))
                    || (test.isTextual() && !test.asText().isBlank()), name + " healthcheck has no test command");
            assertTrue(RESTART_POLICIES.contains(entry.getValue().path("restart").asText()),
                    name + " has no restart policy (restart: unless-stopped)");
        }
    }

    @Test
    void servicesCheckTheirOwnReadinessEndpoint() {
        for (Map.Entry<String, Integer> entry : SERVICES.entrySet()) {
            String test = String.join(" ", texts(service(entry.getKey()).at("/healthcheck/test")));
            int port = KubernetesManifestsTest.healthPort(entry.getKey());
            assertTrue(test.contains("http://localhost:" + port + "/q/health/ready"),
                    entry.getKey() + " healthcheck does not call its /q/health/ready on port " + port + ": " + test);
        }
    }

    @Test
    void servicesWaitForHealthyInfrastructure() {
        for (String name : SERVICES.keySet()) {
            JsonNode dependsOn = service(name).path("depends_on");
            assertTrue(dependsOn.isObject(), name + " depends_on must be a map with condition: service_healthy");
            List<String> needed = new ArrayList<>(List.of("kafka"));
            if (!KubernetesManifestsTest.WITHOUT_DATABASE.contains(name)) {
                needed.add("postgres");
            }
            if (KubernetesManifestsTest.WITH_REDIS.contains(name)) {
                needed.add("redis");
            }
            for (String infra : needed) {
                assertEquals("service_healthy", dependsOn.at("/" + infra + "/condition").asText(),
                        name + " does not wait for a healthy " + infra);
            }
            for (Map.Entry<String, JsonNode> dependency : dependsOn.properties()) {
                assertTrue(compose.path("services").has(dependency.getKey()), name + " depends on unknown " + dependency.getKey());
            }
        }
    }

    @Test
    void servicesAreConfiguredForTheComposeNetwork() {
        for (String name : SERVICES.keySet()) {
            Map<String, String> env = environment(name);
            assertEquals("prod", env.get("QUARKUS_PROFILE"), name + " QUARKUS_PROFILE");
            assertEquals("kafka:9092", env.get("ANDY_KAFKA_BOOTSTRAP"), name + " ANDY_KAFKA_BOOTSTRAP");
            if (!KubernetesManifestsTest.WITHOUT_DATABASE.contains(name)) {
                assertEquals("postgres", env.get("ANDY_DB_HOST"), name + " ANDY_DB_HOST");
                assertTrue(env.containsKey("ANDY_DB_PASSWORD"), name + " has no ANDY_DB_PASSWORD");
            }
            if (KubernetesManifestsTest.WITH_REDIS.contains(name)) {
                assertEquals("redis://redis:6379", env.get("ANDY_REDIS_URL"), name + " ANDY_REDIS_URL");
            }
        }
        Map<String, String> gateway = environment("gateway-service");
        for (Map.Entry<String, Integer> upstream : SERVICES.entrySet()) {
            String name = upstream.getKey();
            if (!name.equals("gateway-service")) {
                String key = "ANDY_" + name.substring(0, name.indexOf('-')).toUpperCase() + "_URL";
                assertEquals("http://" + name + ":" + upstream.getValue(), gateway.get(key), "gateway-service " + key);
            }
        }
        assertEquals(environment("postgres").get("POSTGRES_PASSWORD"), environment("auth-service").get("ANDY_DB_PASSWORD"),
                "the services and PostgreSQL must read the same password");
    }

    @Test
    void kafkaIsASingleKRaftNodeWithReplicationFactorOne() {
        Map<String, String> env = environment("kafka");
        assertEquals(Set.of("broker", "controller"), Set.of(env.getOrDefault("KAFKA_PROCESS_ROLES", "").split("\\s*,\\s*")),
                "KAFKA_PROCESS_ROLES");
        assertTrue(env.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "").contains("//kafka:9092"),
                "Kafka must advertise kafka:9092 to the compose network");
        for (String key : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            assertEquals("1", env.get(key), key);
        }
    }

    @Test
    void onlyTheGatewayIsPublished() {
        for (Map.Entry<String, JsonNode> entry : compose.path("services").properties()) {
            JsonNode ports = entry.getValue().path("ports");
            if (entry.getKey().equals("gateway-service")) {
                assertEquals(List.of("8080:8080"), texts(ports), "gateway-service ports");
            } else {
                assertTrue(ports.isMissingNode() || ports.isEmpty(), entry.getKey() + " publishes ports " + ports);
            }
        }
    }

    @Test
    void noSecretIsWrittenIntoTheFile() {
        for (Map.Entry<String, JsonNode> entry : compose.path("services").properties()) {
            for (Map.Entry<String, String> variable : environment(entry.getKey()).entrySet()) {
                if (KubernetesManifestsTest.SECRET_LIKE_NAME.matcher(variable.getKey()).matches()) {
                    String value = variable.getValue();
                    assertTrue(value != null && INTERPOLATION.matcher(value).matches(), entry.getKey() + " sets "
                            + variable.getKey() + " to a literal value: use ${" + variable.getKey() + "} from the environment");
                }
            }
        }
    }

    @Test
    void composeAcceptsTheFile() throws IOException, InterruptedException {
        Optional<String> dockerCompose = KubernetesManifestsTest.onPath("docker-compose");
        Assumptions.assumeTrue(dockerCompose.isPresent(),
                "docker-compose is not on the PATH (apt-get install -y --no-install-recommends docker-compose)");
        Path output = Files.createTempFile("compose", ".out");
        try {
            Process process = new ProcessBuilder(dockerCompose.get(), "-f", file.toString(), "config", "-q")
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("docker-compose config did not finish in 120 s");
            }
            assertEquals(0, process.exitValue(),
                    "docker-compose -f " + file + " config -q failed:\n" + Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static JsonNode service(String name) {
        return compose.path("services").path(name);
    }

    /** A service's environment, in either of Compose's forms (map, or list of NAME=value). */
    private static Map<String, String> environment(String name) {
        JsonNode env = service(name).path("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (env.isObject()) {
            for (Map.Entry<String, JsonNode> entry : env.properties()) {
                values.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asText());
            }
        } else {
            for (JsonNode item : env) {
                String text = item.asText();
                int equals = text.indexOf('=');
                values.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return values;
    }

    private static List<String> texts(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** docker-compose.yml at the repository root, from the deploy module (surefire) or the root itself. */
    private static Path composeFile() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Stream.of(here.resolve("docker-compose.yml"), here.resolveSibling("docker-compose.yml"))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isDirectory(candidate.resolveSibling("deploy")))
                .findFirst()
                .orElseGet(() -> fail("no docker-compose.yml beside a deploy/ directory at " + here + " or its parent"
                        + " (looked from " + here + File.separator + ")"));
    }
}
