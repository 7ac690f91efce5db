package ai.andy.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders deploy/k8s with {@code kubectl kustomize} (offline, no cluster) and checks what a
 * reviewer would otherwise check by eye: every service is complete, probed, bounded and
 * hardened, and no secret value is committed.
 */
class KubernetesManifestsTest {

    /** The seven services and the port each one listens on. */
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("gateway-service", 8080);
        SERVICES.put("auth-service", 8081);
        SERVICES.put("chat-service", 8082);
        SERVICES.put("email-service", 8083);
        SERVICES.put("calendar-service", 8084);
        SERVICES.put("telephony-service", 8085);
        SERVICES.put("voice-service", 8086);
    }

    static final List<String> WITHOUT_DATABASE = List.of("gateway-service");
    /** The gateway answers health checks and metrics on its management port only, never on the public one. */
    static final int GATEWAY_MANAGEMENT_PORT = 9080;

    static int healthPort(String service) {
        return service.equals("gateway-service") ? GATEWAY_MANAGEMENT_PORT : SERVICES.get(service);
    }
    static final List<String> WITH_REDIS = List.of("gateway-service", "auth-service", "email-service");
    /** Names of variables that hold a secret; where a secret is kept (…_FILE) or whether to create one is not one. */
    static final Pattern SECRET_LIKE_NAME =
            Pattern.compile("(?!.*(_FILE|_IF_MISSING)$).*(PASSWORD|SECRET|TOKEN|API_KEY|KEYSET|PRIVATE_KEY|CLIENTS).*");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void everyServiceHasDeploymentServiceConfigMapAndServiceAccount(String kustomization) {
        List<JsonNode> docs = render(kustomization);
        for (String service : SERVICES.keySet()) {
            for (String kind : List.of("Deployment", "Service", "ConfigMap", "ServiceAccount")) {
                assertTrue(find(docs, kind, service).isPresent(), kustomization + ": no " + kind + " named " + service);
            }
        }
        assertEquals(SERVICES.size(), ofKind(docs, "Deployment").size(), kustomization + ": unexpected Deployments");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void everythingIsInTheAndyNamespaceAndPartOfAndy(String kustomization) {
        List<JsonNode> docs = render(kustomization);
        assertTrue(find(docs, "Namespace", "andy").isPresent(), kustomization + ": no Namespace andy");
        for (JsonNode doc : docs) {
            String what = describe(doc);
            assertEquals("andy", doc.at("/metadata/labels/app.kubernetes.io~1part-of").asText(), what + " lacks part-of=andy");
            if (!"Namespace".equals(doc.path("kind").asText())) {
                assertEquals("andy", doc.at("/metadata/namespace").asText(), what + " is not in namespace andy");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void containersAreProbedOnTheirPort(String kustomization) {
        forEachContainer(render(kustomization), (service, pod, container) -> {
            int port = SERVICES.get(service);
            String where = kustomization + " " + service + "/" + container.path("name").asText();
            assertTrue(containerPorts(container).containsValue(port), where + " does not declare port " + port);
            port = healthPort(service);
            assertHttpProbe(where + " liveness", container, container.path("livenessProbe"), "/q/health/live", port);
            assertHttpProbe(where + " readiness", container, container.path("readinessProbe"), "/q/health/ready", port);
            JsonNode startup = container.path("startupProbe");
            assertTrue(startup.isObject(), where + " has no startupProbe (Quarkus needs seconds to start)");
            assertHttpProbe(where + " startup", container, startup, startup.at("/httpGet/path").asText(), port);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void containersHaveRequestsAndLimits(String kustomization) {
        forEachContainer(render(kustomization), (service, pod, container) -> {
            String where = kustomization + " " + service;
            JsonNode resources = container.path("resources");
            assertNotBlank(resources.at("/requests/cpu"), where + " has no cpu request");
            assertNotBlank(resources.at("/requests/memory"), where + " has no memory request");
            assertNotBlank(resources.at("/limits/memory"), where + " has no memory limit");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void podsRunHardened(String kustomization) {
        forEachContainer(render(kustomization), (service, pod, container) -> {
            String where = kustomization + " " + service;
            JsonNode podContext = pod.path("securityContext");
            JsonNode context = container.path("securityContext");
            JsonNode nonRoot = context.has("runAsNonRoot") ? context.get("runAsNonRoot") : podContext.path("runAsNonRoot");
            assertTrue(nonRoot.asBoolean(false), where + " may run as root (runAsNonRoot is not true)");
            assertTrue(context.path("readOnlyRootFilesystem").asBoolean(false), where + " has a writable root filesystem");
            assertTrue(context.has("allowPrivilegeEscalation") && !context.get("allowPrivilegeEscalation").asBoolean(true),
                    where + " does not set allowPrivilegeEscalation: false");
            assertTrue(texts(context.at("/capabilities/drop")).contains("ALL"), where + " does not drop ALL capabilities");
            assertFalse(context.at("/capabilities/add").isArray() && context.at("/capabilities/add").size() > 0,
                    where + " adds capabilities");
            assertFalse(context.path("privileged").asBoolean(false), where + " is privileged");
            assertTrue(hasTmpVolume(pod, container), where + " has no writable volume at /tmp (the root filesystem is read-only)");
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true),
                    where + " mounts a service account token it does not need");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void serviceAccountsMountNoToken(String kustomization) {
        for (JsonNode account : ofKind(render(kustomization), "ServiceAccount")) {
            assertFalse(account.path("automountServiceAccountToken").asBoolean(true),
                    describe(account) + " does not set automountServiceAccountToken: false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void noSecretIsRendered(String kustomization) {
        for (JsonNode doc : render(kustomization)) {
            assertFalse("Secret".equals(doc.path("kind").asText()),
                    describe(doc) + " is rendered: Secrets are created out of band and only referenced");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void secretsAreReferencedByKeyAndNeverWrittenOut(String kustomization) {
        List<JsonNode> docs = render(kustomization);
        forEachContainer(docs, (service, pod, container) -> {
            for (JsonNode env : container.path("env")) {
                String name = env.path("name").asText();
                String where = kustomization + " " + service + " env " + name;
                JsonNode ref = env.at("/valueFrom/secretKeyRef");
                if (!ref.isMissingNode()) {
                    assertNotBlank(ref.path("name"), where + ": secretKeyRef names no Secret");
                    assertNotBlank(ref.path("key"), where + ": secretKeyRef names no key");
                }
                if (SECRET_LIKE_NAME.matcher(name).matches()) {
                    assertFalse(env.has("value"), where + " has a literal value: reference a Secret instead");
                    assertFalse(ref.isMissingNode(), where + " is not read from a Secret");
                }
            }
            for (JsonNode from : container.path("envFrom")) {
                assertTrue(from.path("secretRef").isMissingNode() || !from.at("/secretRef/name").asText().isBlank(),
                        kustomization + " " + service + " envFrom a Secret without a name");
            }
        });
        for (JsonNode map : ofKind(docs, "ConfigMap")) {
            for (Map.Entry<String, JsonNode> entry : map.path("data").properties()) {
                assertFalse(SECRET_LIKE_NAME.matcher(entry.getKey()).matches(),
                        describe(map) + " holds " + entry.getKey() + ": secrets belong in a Secret");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void deploymentsUseTheirImageAccountAndConfig(String kustomization) {
        List<JsonNode> docs = render(kustomization);
        forEachContainer(docs, (service, pod, container) -> {
            String where = kustomization + " " + service;
            String image = container.path("image").asText();
            assertTrue(image.startsWith("andy/" + service + ":") || image.startsWith("andy/" + service + "@"),
                    where + " runs image " + image + ", expected andy/" + service + ":<tag>");
            String account = pod.path("serviceAccountName").asText();
            assertTrue(find(docs, "ServiceAccount", account).isPresent(), where + " uses missing ServiceAccount '" + account + "'");
            List<String> maps = new ArrayList<>();
            container.path("envFrom").forEach(from -> maps.add(from.at("/configMapRef/name").asText()));
            assertTrue(maps.stream().anyMatch(name -> find(docs, "ConfigMap", name).isPresent()),
                    where + " reads no rendered ConfigMap (envFrom: " + maps + ")");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void servicesExposeANamedHttpPortToTheirPods(String kustomization) {
        List<JsonNode> docs = render(kustomization);
        for (Map.Entry<String, Integer> entry : SERVICES.entrySet()) {
            String service = entry.getKey();
            JsonNode svc = find(docs, "Service", service).orElseThrow();
            String where = kustomization + " Service " + service;
            assertEquals("ClusterIP", svc.at("/spec/type").asText("ClusterIP"), where + " is not ClusterIP");
            JsonNode http = null;
            for (JsonNode port : svc.at("/spec/ports")) {
                if ("http".equals(port.path("name").asText())) {
                    http = port;
                }
            }
            assertNotNull(http, where + " has no port named http");
            assertEquals(entry.getValue().intValue(), http.path("port").asInt(), where + " port");
            JsonNode deployment = find(docs, "Deployment", service).orElseThrow();
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            JsonNode selector = svc.at("/spec/selector");
            assertTrue(selector.size() > 0, where + " has no selector");
            for (Map.Entry<String, JsonNode> label : selector.properties()) {
                assertEquals(label.getValue().asText(), podLabels.path(label.getKey()).asText(),
                        where + " selector " + label.getKey() + " matches no pod of " + service);
            }
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            JsonNode target = http.path("targetPort");
            int targetPort = target.isInt() ? target.asInt() : containerPorts(container).getOrDefault(target.asText(), -1);
            assertEquals(entry.getValue().intValue(), targetPort, where + " targets no container port " + entry.getValue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void configPointsAtTheClusterServices(String kustomization) {
        List<JsonNode> docs = render(kustomization);
        for (String service : SERVICES.keySet()) {
            JsonNode data = find(docs, "ConfigMap", service).orElseThrow().path("data");
            String where = kustomization + " ConfigMap " + service;
            assertEquals("prod", data.path("QUARKUS_PROFILE").asText(), where + " QUARKUS_PROFILE");
            assertEquals("kafka-kafka-bootstrap:9092", data.path("ANDY_KAFKA_BOOTSTRAP").asText(), where + " ANDY_KAFKA_BOOTSTRAP");
            if (!WITHOUT_DATABASE.contains(service)) {
                assertEquals("andy-postgres-rw", data.path("ANDY_DB_HOST").asText(), where + " ANDY_DB_HOST");
                assertEquals("5432", data.path("ANDY_DB_PORT").asText(), where + " ANDY_DB_PORT");
                assertTrue(secretRef(find(docs, "Deployment", service).orElseThrow(), "ANDY_DB_PASSWORD").isPresent(),
                        kustomization + " " + service + " does not read ANDY_DB_PASSWORD from a Secret");
            }
            if (WITH_REDIS.contains(service)) {
                assertEquals("redis://andy-redis:6379", data.path("ANDY_REDIS_URL").asText(), where + " ANDY_REDIS_URL");
            }
        }
        JsonNode gateway = find(docs, "ConfigMap", "gateway-service").orElseThrow().path("data");
        for (Map.Entry<String, Integer> upstream : SERVICES.entrySet()) {
            String service = upstream.getKey();
            if (service.equals("gateway-service")) {
                continue;
            }
            String key = "ANDY_" + service.substring(0, service.indexOf('-')).toUpperCase() + "_URL";
            assertEquals("http://" + service + ":" + upstream.getValue(), gateway.path(key).asText(),
                    kustomization + " gateway-service " + key + " does not point at the " + service + " Service");
        }
        JsonNode auth = find(docs, "Deployment", "auth-service").orElseThrow();
        assertEquals("keyset", secretRef(auth, "ANDY_VAULT_KEYSET").map(ref -> ref.path("key").asText()).orElse(null),
                kustomization + " auth-service does not read ANDY_VAULT_KEYSET from Secret key keyset");
        JsonNode chat = find(docs, "Deployment", "chat-service").orElseThrow();
        assertTrue(secretRef(chat, "ANDY_LLM_API_KEY").map(ref -> ref.path("optional").asBoolean(false)).orElse(false),
                kustomization + " chat-service must read ANDY_LLM_API_KEY from an optional Secret (no key = offline engine)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local"})
    void localOverlayRunsOneReplicaPulledOnlyWhenMissing(String kustomization) {
        forEachContainer(render(kustomization), (service, pod, container) ->
                assertEquals("IfNotPresent", container.path("imagePullPolicy").asText(), kustomization + " " + service + " imagePullPolicy"));
        for (JsonNode deployment : ofKind(render(kustomization), "Deployment")) {
            assertEquals(1, deployment.at("/spec/replicas").asInt(), describe(deployment) + " replicas");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    @FunctionalInterface
    interface ContainerCheck {
        void check(String service, JsonNode podSpec, JsonNode container);
    }

    private static void forEachContainer(List<JsonNode> docs, ContainerCheck check) {
        List<JsonNode> deployments = ofKind(docs, "Deployment");
        assertFalse(deployments.isEmpty(), "no Deployment rendered");
        for (JsonNode deployment : deployments) {
            String service = deployment.at("/metadata/name").asText();
            assertTrue(SERVICES.containsKey(service), "unexpected Deployment " + service);
            JsonNode pod = deployment.at("/spec/template/spec");
            assertTrue(pod.path("containers").size() > 0, service + " has no container");
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode container : pod.path(list)) {
                    check.check(service, pod, container);
                }
            }
        }
    }

    private static void assertHttpProbe(String what, JsonNode container, JsonNode probe, String path, int port) {
        assertTrue(probe.isObject(), what + " probe is missing");
        JsonNode get = probe.path("httpGet");
        assertTrue(get.isObject(), what + " probe is not an httpGet");
        assertEquals(path, get.path("path").asText(), what + " probe path");
        assertTrue(get.path("path").asText().startsWith("/q/health/"), what + " probe is not a Quarkus health endpoint");
        JsonNode probePort = get.path("port");
        int resolved = probePort.isInt() ? probePort.asInt() : containerPorts(container).getOrDefault(probePort.asText(), -1);
        assertEquals(port, resolved, what + " probe port " + probePort);
    }

    /** Container ports by name (and by their number as text), for resolving named ports. */
    private static Map<String, Integer> containerPorts(JsonNode container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (JsonNode port : container.path("ports")) {
            int number = port.path("containerPort").asInt();
            ports.put(port.path("name").asText(String.valueOf(number)), number);
        }
        return ports;
    }

    private static boolean hasTmpVolume(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText()) && !mount.path("readOnly").asBoolean(false)) {
                String volume = mount.path("name").asText();
                for (JsonNode candidate : pod.path("volumes")) {
                    if (volume.equals(candidate.path("name").asText()) && candidate.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Optional<JsonNode> secretRef(JsonNode deployment, String variable) {
        for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
            if (variable.equals(env.path("name").asText()) && env.at("/valueFrom/secretKeyRef").isObject()) {
                return Optional.of(env.at("/valueFrom/secretKeyRef"));
            }
        }
        return Optional.empty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static void assertNotBlank(JsonNode value, String message) {
        assertTrue(value.isValueNode() && !value.asText().isBlank(), message);
    }

    private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(doc -> kind.equals(doc.path("kind").asText())).toList();
    }

    private static Optional<JsonNode> find(List<JsonNode> docs, String kind, String name) {
        return ofKind(docs, kind).stream().filter(doc -> name.equals(doc.at("/metadata/name").asText())).findFirst();
    }

    private static String describe(JsonNode doc) {
        return doc.path("kind").asText() + "/" + doc.at("/metadata/name").asText();
    }

    /** Renders one kustomization once per test run and parses every YAML document in it. */
    static List<JsonNode> render(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, KubernetesManifestsTest::renderNow);
    }

    private static List<JsonNode> renderNow(String kustomization) {
        Path dir = k8sDir().resolve(kustomization);
        assertTrue(Files.isDirectory(dir), "no kustomization at " + dir);
        String kubectl = onPath("kubectl").orElseGet(() -> fail(
                "kubectl is not on the PATH: this test renders deploy/k8s offline with `kubectl kustomize`. "
                        + "Install kubectl 1.27 or later (kustomize v5 inside; Debian 12's kubernetes-client 1.20 is too old)"));
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("kubectl kustomize " + dir + " did not finish in 120 s");
                }
                String errors = Files.readString(err, StandardCharsets.UTF_8);
                assertEquals(0, process.exitValue(), "kubectl kustomize " + dir + " failed:\n" + errors);
                List<JsonNode> docs = new ArrayList<>();
                try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(out.toFile())) {
                    while (values.hasNext()) {
                        JsonNode doc = values.next();
                        if (doc != null && doc.isObject() && doc.size() > 0) {
                            docs.add(doc);
                        }
                    }
                }
                assertFalse(docs.isEmpty(), "kubectl kustomize " + dir + " rendered nothing");
                return docs;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run kubectl kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** deploy/k8s, whether the tests run in the module (surefire) or from the repository root. */
    static Path k8sDir() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Stream.of(here.resolve("k8s"), here.resolve("deploy").resolve("k8s"))
                .filter(Files::isDirectory).findFirst()
                .orElseGet(() -> fail("no k8s directory under " + here + " or " + here.resolve("deploy")));
    }

    static Optional<String> onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, command))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .map(Path::toString).findFirst();
    }
}
