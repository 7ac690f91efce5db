package ai.andy.email.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.StringSerializer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import ai.andy.email.fakes.FakeGmail;
import ai.andy.email.fakes.FakeGmailMailbox;
import ai.andy.testsupport.CloudEventRecords;
import ai.andy.testsupport.KafkaBroker;
import ai.andy.testsupport.Ports;
import ai.andy.testsupport.PostgresServer;
import ai.andy.testsupport.RedisServer;
import ai.andy.testsupport.TestIdentity;

/**
 * The email sync benchmark (bench/email-sync): the packaged email-service, in its own JVM with the flags ./andy
 * gives it, makes the initial sync of one Gmail mailbox from {@link FakeGmail}, which enforces Gmail's per-person
 * quota and answers 429 above it. A {@code main}, not a test, so CI never runs it; bench/email-sync/run.sh builds and
 * starts it. Settings are system properties:
 *
 * <pre>
 * bench.app       email-service/target/quarkus-app (its quarkus-run.jar is started)
 * bench.work      a directory for the service's log and vault keyset (required; run.sh removes it)
 * bench.messages  messages in the mailbox (10000)
 * bench.quota     units per second the fake enforces, like Gmail (250)
 * bench.budget    andy.email.gmail.quota-units-per-second given to the service (200, the service's default)
 * bench.jvmOpts   the service's JVM flags (those of ./andy)
 * </pre>
 *
 * Kafka runs in this JVM (KafkaBroker), as do the fake and the WireMock stand-in for auth-service; PostgreSQL and
 * Redis are the machine's when they answer on their usual ports, embedded ones otherwise. Everything started here is
 * stopped at the end and the run's database is dropped. Exit status: 0 targets met, 3 a target missed, 1 failure.
 */
public final class EmailSyncBench {
    private static final String GMAIL_TOKEN = "bench-gmail-access-token";
    private static final int GET_UNITS = 5;
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    private static final Duration PRINT_EVERY = Duration.ofSeconds(30);
    // A part's request line inside a batch body; the SDK writes absolute URLs there.
    private static final Pattern BATCH_PART = Pattern.compile("(?m)^GET \\S*/gmail/v1/");

    private final Path app = Path.of(System.getProperty("bench.app", "email-service/target/quarkus-app"));
    private final Path work = Path.of(required("bench.work"));
    private final int messages = Integer.getInteger("bench.messages", 10_000);
    private final int quota = Integer.getInteger("bench.quota", FakeGmail.DEFAULT_QUOTA);
    private final int budget = Integer.getInteger("bench.budget", 200);
    private final String jvmOpts = System.getProperty("bench.jvmOpts",
            "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k");

    private final String database = "andy_email_bench_" + UUID.randomUUID().toString().substring(0, 8);
    private final String userId = UUID.randomUUID().toString();
    private final UUID connectionId = UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private FakeGmail gmail;
    private WireMockServer auth;
    private Process service;
    private PostgresServer postgres;

    public static void main(String[] args) {
        EmailSyncBench bench = null;
        int status;
        try {
            bench = new EmailSyncBench();
            status = bench.run();
        } catch (Exception | AssertionError failure) {
            System.err.println("bench: " + failure.getMessage());
            failure.printStackTrace();
            status = 1;
        } finally {
            if (bench != null) {
                bench.stopAll();
            }
        }
        // Kafka's and WireMock's threads would keep the JVM alive; the shutdown hooks stop the broker.
        System.exit(status);
    }

    private int run() throws Exception {
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build email-service first");
        }
        Files.createDirectories(work);

        say("starting Kafka (in this JVM), finding PostgreSQL and Redis");
        String kafka = KafkaBroker.shared().bootstrapServers();
        createTopics(kafka);
        postgres = PostgresServer.shared();
        RedisServer redis = RedisServer.shared();

        say("generating the fake Gmail mailbox: %d messages, quota %d units/s per person", messages, quota);
        gmail = FakeGmail.start();
        FakeGmailMailbox mailbox = gmail.addMailbox(GMAIL_TOKEN, "bench@example.org", messages);
        if (quota > 0) {
            gmail.enforceQuota(quota);
        }
        auth = standInForAuthService();

        int port = Ports.free();
        say("starting email-service (%s) on 127.0.0.1:%d, database %s, budget %d units/s", jvmOpts, port, database,
                budget);
        Instant launched = Instant.now();
        service = launch(jar, port, kafka, redis.url());
        RssSampler rss = new RssSampler(service.pid());
        waitUntilReady(port, Duration.ofSeconds(180));
        Duration startup = Duration.between(launched, Instant.now());
        long readyRss = rss.current().rssKb();
        long readyCpuTicks = rss.cpuTicks();
        Instant ready = Instant.now();
        Duration joined = waitForConsumerGroup(kafka, Duration.ofSeconds(60));
        say("ready after %.1f s, RSS %d MB; consumer group stable %.1f s later; publishing connection.changed",
                seconds(startup), readyRss / 1024, seconds(joined));

        Instant published = publishConnection(kafka);
        Progress end = follow(published, rss);
        Instant finished = Instant.now();
        rss.sample();
        long cpuTicks = rss.cpuTicks() - readyCpuTicks;
        Memory last = rss.current();

        // The fake's journal holds every request with the time it arrived: Gmail's view of the sync.
        List<ServeEvent> requests = new ArrayList<>(gmail.server().getAllServeEvents());
        List<Arrival> arrivals = arrivals(requests);
        Instant firstCall = arrivals.isEmpty() ? published : Instant.ofEpochMilli(arrivals.get(0).millis());
        Instant lastCall = arrivals.isEmpty() ? finished
                : Instant.ofEpochMilli(arrivals.get(arrivals.size() - 1).millis());
        String firstSteps = firstSteps(published, end.accountCreatedAt(), firstCall);

        double endToEnd = seconds(Duration.between(published, end.syncedAt()));
        double gmailSide = Math.max(0.001, seconds(Duration.between(firstCall, lastCall)));
        double rate = end.stored() / endToEnd;
        double ceilingOurs = (double) budget / GET_UNITS;
        double ceilingGmail = (double) quota / GET_UNITS;
        double ratio = rate / ceilingOurs;
        long throttled = mailbox.rateLimited();
        boolean complete = end.stored() == messages && "idle".equals(end.phase());
        boolean met = complete && ratio >= 0.9 && throttled == 0;

        List<Integer> batches = mailbox.batchSizes();
        long sampledPeak = rss.maxRssKb();
        System.out.println();
        System.out.printf("Email sync benchmark: initial Gmail sync through the packaged email-service, %d cores%n",
                Runtime.getRuntime().availableProcessors());
        row("mailbox", "%d messages; the fake enforces %d units/s per person (Gmail's limit), 429 above it",
                messages, quota);
        row("email-service budget", "%d units/s per person (andy.email.gmail.quota-units-per-second); batches of %s",
                budget, batches.isEmpty() ? "-" : batches.stream().mapToInt(Integer::intValue).max().getAsInt()
                        + " messages");
        row("messages stored", "%d of %d (sync_total %s, phase %s)", end.stored(), messages, end.total(),
                end.phase());
        row("end to end", "%.1f s from connection.changed published to the sync finished (first message after %.1f s)",
                endToEnd, end.firstMessageAfter());
        row("at the fake Gmail", "%.1f s from first to last request", gmailSide);
        row("before the first request", "%s", firstSteps);
        row("messages per second", "%.2f end to end (%.2f over the Gmail traffic alone)", rate,
                end.stored() / gmailSide);
        row("ratio to our budget", "%.3f  (%.2f of %.1f msg/s = %d units/s / %d per message)  target >= 0.9: %s",
                ratio, rate, ceilingOurs, budget, GET_UNITS, ratio >= 0.9 ? "met" : "MISSED");
        row("ratio to Gmail's quota", "%.3f  (%.2f of %.1f msg/s = %d units/s / %d per message)", rate / ceilingGmail,
                rate, ceilingGmail, quota, GET_UNITS);
        row("quota units charged", "%d = %.1f units/s over the Gmail traffic (%.1f%% of our budget)",
                mailbox.unitsCharged(), mailbox.unitsCharged() / gmailSide,
                100.0 * mailbox.unitsCharged() / gmailSide / budget);
        row("busiest second at fake", "%d units in a clock second (what the fake enforces), %s",
                busiestClockSecond(arrivals), busiestSlidingSecond(arrivals));
        row("429s from the fake", "%d  target 0: %s", throttled, throttled == 0 ? "met" : "MISSED");
        row("requests", "%d users.getProfile, %d messages.list, %d batches carrying %d messages.get, %d history.list",
                mailbox.calls("users.getProfile"), mailbox.calls("messages.list"), batches.size(),
                mailbox.calls("messages.get"), mailbox.calls("history.list"));
        row("email-service RSS", "peak %d MB (VmHWM, since start); %d MB when ready, highest sample %d MB,"
                + " %d MB at end",
                last.hwmKb() / 1024, readyRss / 1024, sampledPeak / 1024, last.rssKb() / 1024);
        row("email-service CPU", "%.1f s from ready to the end (%.1f%% of one core); started in %.1f s",
                cpuTicks / 100.0, cpuTicks / seconds(Duration.between(ready, finished)),
                seconds(startup));
        row("RSS over time", "%s", rss.timeline());
        System.out.println();
        System.out.printf("RESULT messages=%d seconds=%.1f msgPerSec=%.2f ratioBudget=%.3f ratioGmail=%.3f "
                + "throttled=%d peakRssMb=%d%n", end.stored(), endToEnd, rate, ratio, rate / ceilingGmail, throttled,
                last.hwmKb() / 1024);
        if (!complete) {
            say("the sync did not complete (service log: %s)", work.resolve("email-service.log"));
            return 1;
        }
        return met ? 0 : 3;
    }

    // --- the world around email-service ---

    /**
     * The topics email-service consumes and those a sync writes to, made up front: its consumers are assigned
     * partitions at once and its producers do not wait for auto-creation.
     */
    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : List.of("connection.changed", "user.created", "user.deleted", "chat.intent")) {
                topics.add(new NewTopic(topic, 1, (short) 1));
                topics.add(new NewTopic(topic + ".dlq", 1, (short) 1));
            }
            for (String topic : List.of("usage.recorded", "email.received", "notify.user")) {
                topics.add(new NewTopic(topic, 1, (short) 1));
            }
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Readiness does not wait for the consumer group: its four consumers join one by one, each join a rebalance.
     * Publishing before that settles would charge seconds of group formation (a one-off at a service's start) to
     * the sync, so the event goes once connection.changed is assigned in a stable group.
     */
    private static Duration waitForConsumerGroup(String bootstrap, Duration patience) throws Exception {
        Instant start = Instant.now();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (Duration.between(start, Instant.now()).compareTo(patience) < 0) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("email-service"))
                        .describedGroups().get("email-service").get(10, TimeUnit.SECONDS);
                boolean assigned = group.members().stream().anyMatch(member -> member.assignment().topicPartitions()
                        .stream().anyMatch(p -> p.topic().equals("connection.changed")));
                if (assigned && group.groupState() == GroupState.STABLE) {
                    return Duration.between(start, Instant.now());
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("email-service's consumer group was not stable with connection.changed"
                + " assigned after " + patience.toSeconds() + " s");
    }

    /**
     * auth-service, as far as a sync needs it: the client-credentials token endpoint (a real signed service token)
     * and the connection's Gmail access token. Not auth-service itself: the benchmark measures email-service.
     */
    private WireMockServer standInForAuthService() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + TestIdentity.serviceToken("email-service")
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":600}")));
        String expires = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).toString();
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathMatching("/internal/connections/" + connectionId + "/access-token")).willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"accessToken\":\"" + GMAIL_TOKEN + "\",\"expiresAt\":\"" + expires
                                + "\",\"provider\":\"google\",\"account\":\"bench@example.org\"}")));
        return server;
    }

    private Process launch(Path jar, int port, String kafka, String redisUrl) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : jvmOpts.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("email-service.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("ANDY_DB_HOST", "127.0.0.1");
        env.put("ANDY_DB_PORT", String.valueOf(postgres.port()));
        env.put("ANDY_DB_USER", postgres.user());
        env.put("ANDY_DB_NAME", database);
        env.put("ANDY_KAFKA_BOOTSTRAP", kafka);
        env.put("ANDY_REDIS_URL", redisUrl);
        env.put("ANDY_AUTH_URL", auth.baseUrl());
        env.put("ANDY_JWT_ISSUER", TestIdentity.ISSUER);
        env.put("ANDY_SERVICE_SECRET", "bench-service-secret");
        env.put("ANDY_VAULT_KEYSET_FILE", work.resolve("keyset.json").toString());
        env.put("ANDY_VAULT_CREATE_KEYSET_IF_MISSING", "true");
        env.put("ANDY_GMAIL_ROOT_URL", gmail.baseUrl() + "/");
        env.put("ANDY_GMAIL_QUOTA_UNITS_PER_SECOND", String.valueOf(budget));
        return builder.start();
    }

    private void waitUntilReady(int port, Duration patience) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(patience);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("email-service stopped while starting (exit " + service.exitValue()
                        + "); its log: " + work.resolve("email-service.log") + "\n" + tail());
            }
            try {
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body().replaceAll("\\s+", " ");
            } catch (IOException notYet) {
                last = notYet.getClass().getSimpleName();
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("email-service not ready after " + patience.toSeconds() + " s: " + last
                + "\n" + tail());
    }

    private Instant publishConnection(String kafka) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String json = "{\"connectionId\":\"" + connectionId + "\",\"provider\":\"google\","
                + "\"account\":\"bench@example.org\",\"status\":\"active\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            Instant sent = Instant.now();
            producer.send(CloudEventRecords.event("connection.changed", "/auth-service", userId, json))
                    .get(30, TimeUnit.SECONDS);
            return sent;
        }
    }

    // --- watching the sync ---

    private record Progress(String phase, int done, Integer total, int stored, Instant syncedAt, String error,
            double firstMessageAfter, Instant accountCreatedAt) {
    }

    /**
     * Polls the service's own database until the mailbox has been synced once (last_synced_at set, phase idle) or
     * failed, sampling the service's memory in between. The end time is the service's own last_synced_at.
     */
    private Progress follow(Instant published, RssSampler rss) throws Exception {
        // Generous: the quota alone needs messages * 5 / budget seconds.
        Duration patience = Duration.ofSeconds(120 + 3L * messages * GET_UNITS / budget);
        Instant deadline = published.plus(patience);
        Instant nextPrint = published.plus(PRINT_EVERY);
        double firstMessage = Double.NaN;
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/"
                + database, postgres.user(), null);
                PreparedStatement account = db.prepareStatement("select sync_phase, sync_done, sync_total,"
                        + " last_synced_at, sync_error, created_at,"
                        + " (select count(*) from mail_message m where m.account_id = a.id)"
                        + " from mail_account a where connection_id = ?")) {
            account.setObject(1, connectionId);
            while (true) {
                rss.sample();
                Progress now = null;
                try (ResultSet row = account.executeQuery()) {
                    if (row.next()) {
                        Integer total = (Integer) row.getObject(3);
                        OffsetDateTime synced = row.getObject(4, OffsetDateTime.class);
                        now = new Progress(row.getString(1), row.getInt(2), total, row.getInt(7),
                                synced == null ? null : synced.toInstant(), row.getString(5), firstMessage,
                                row.getObject(6, OffsetDateTime.class).toInstant());
                    }
                }
                Instant t = Instant.now();
                if (now != null && now.stored() > 0 && Double.isNaN(firstMessage)) {
                    firstMessage = seconds(Duration.between(published, t));
                }
                if (now != null && "failed".equals(now.phase())) {
                    throw new IllegalStateException("the sync failed: " + now.error() + "\n" + tail());
                }
                if (now != null && now.syncedAt() != null && "idle".equals(now.phase())) {
                    return new Progress(now.phase(), now.done(), now.total(), now.stored(), now.syncedAt(),
                            null, firstMessage, now.accountCreatedAt());
                }
                if (!service.isAlive()) {
                    throw new IllegalStateException("email-service stopped during the sync\n" + tail());
                }
                if (t.isAfter(deadline)) {
                    throw new IllegalStateException("no finished sync after " + patience.toSeconds() + " s: "
                            + now + "\n" + tail());
                }
                if (t.isAfter(nextPrint)) {
                    double elapsed = seconds(Duration.between(published, t));
                    int stored = now == null ? 0 : now.stored();
                    say("%5.0f s  %6d messages  %5.1f msg/s  RSS %d MB  429s so far %d", elapsed, stored,
                            stored / elapsed, rss.current().rssKb() / 1024,
                            gmail.mailbox(GMAIL_TOKEN).rateLimited());
                    nextPrint = nextPrint.plus(PRINT_EVERY);
                }
                Thread.sleep(SAMPLE_EVERY.toMillis());
            }
        }
    }

    /**
     * Where the time between publishing and the first Gmail request goes: the mailbox row's created_at (the
     * consumer's transaction), then the calls to the auth-service stand-in, from its journal.
     */
    private String firstSteps(Instant published, Instant accountCreated, Instant firstGmailCall) {
        StringBuilder steps = new StringBuilder();
        steps.append(String.format("mailbox row +%.2f s", seconds(Duration.between(published, accountCreated))));
        List<ServeEvent> calls = new ArrayList<>(auth.getAllServeEvents());
        calls.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        for (ServeEvent call : calls) {
            String url = call.getRequest().getUrl();
            steps.append(String.format(", %s +%.2f s", url.startsWith("/oauth2/") ? "service token"
                    : "Gmail token", seconds(Duration.between(published,
                            call.getRequest().getLoggedDate().toInstant()))));
        }
        steps.append(String.format(", first Gmail request +%.2f s",
                seconds(Duration.between(published, firstGmailCall))));
        return steps.toString();
    }

    /** One request as the fake saw it: arrival (ms since the epoch) and the quota units it cost. */
    private record Arrival(long millis, long units) {
    }

    /** The fake's journal as arrivals in order. */
    private static List<Arrival> arrivals(List<ServeEvent> requests) {
        List<Arrival> arrivals = new ArrayList<>();
        for (ServeEvent event : requests) {
            String url = event.getRequest().getUrl();
            long units;
            if (url.startsWith("/batch/")) {
                // Every part of a metadata batch is one messages.get.
                units = (long) GET_UNITS * BATCH_PART.matcher(event.getRequest().getBodyAsString()).results().count();
            } else if (url.contains("/profile") || url.contains("/labels")) {
                units = 1;
            } else if (url.contains("/history")) {
                units = 2;
            } else {
                units = GET_UNITS;
            }
            arrivals.add(new Arrival(event.getRequest().getLoggedDate().getTime(), units));
        }
        arrivals.sort((a, b) -> Long.compare(a.millis(), b.millis()));
        return arrivals;
    }

    /** The most units in one clock second: the window the fake (like Gmail) enforces. */
    private static long busiestClockSecond(List<Arrival> arrivals) {
        TreeMap<Long, Long> seconds = new TreeMap<>();
        arrivals.forEach(a -> seconds.merge(a.millis() / 1000, a.units(), Long::sum));
        return seconds.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /**
     * The most units arriving within any 1,000 ms: the pacer keeps its own sliding window under the budget when it
     * sends, so anything above the budget here is in-flight jitter, the margin a batch's size has to leave.
     */
    private static String busiestSlidingSecond(List<Arrival> arrivals) {
        long best = 0;
        long bestEnd = 0;
        long inWindow = 0;
        int first = 0;
        for (Arrival arrival : arrivals) {
            inWindow += arrival.units();
            while (arrivals.get(first).millis() <= arrival.millis() - 1000) {
                inWindow -= arrivals.get(first++).units();
            }
            if (inWindow > best) {
                best = inWindow;
                bestEnd = arrival.millis();
            }
        }
        long start = arrivals.isEmpty() ? 0 : arrivals.get(0).millis();
        return String.format("%d in any 1,000 ms (first reached %.1f s into the traffic)", best,
                (bestEnd - start) / 1000.0);
    }

    // --- memory of the service ---

    private record Memory(long rssKb, long hwmKb) {
    }

    /** VmRSS and VmHWM of the service's JVM from /proc, and a coarse timeline of RSS for the report. */
    private static final class RssSampler {
        private final Path status;
        private final Path stat;
        private final Instant start = Instant.now();
        private final List<String> timeline = new ArrayList<>();
        private Memory current = new Memory(0, 0);
        private long maxRssKb;
        private Instant nextPoint = Instant.EPOCH;

        RssSampler(long pid) {
            this.status = Path.of("/proc", String.valueOf(pid), "status");
            this.stat = Path.of("/proc", String.valueOf(pid), "stat");
        }

        Memory current() {
            sample();
            return current;
        }

        void sample() {
            long rss = 0;
            long hwm = 0;
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        rss = kb(line);
                    } else if (line.startsWith("VmHWM:")) {
                        hwm = kb(line);
                    }
                }
            } catch (IOException gone) {
                return; // the process has exited; keep the last figures
            }
            current = new Memory(rss, hwm);
            maxRssKb = Math.max(maxRssKb, rss);
            Instant now = Instant.now();
            if (!now.isBefore(nextPoint)) {
                timeline.add(String.format("%.0fs:%dMB", seconds(Duration.between(start, now)), rss / 1024));
                nextPoint = now.plus(PRINT_EVERY);
            }
        }

        long maxRssKb() {
            return maxRssKb;
        }

        String timeline() {
            return String.join(" ", timeline);
        }

        /** User plus system CPU of the process, in clock ticks (100 per second on Linux). */
        long cpuTicks() {
            try {
                String line = Files.readString(stat);
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                // After the command name: state is field 3, utime 14 and stime 15 (1-based, man proc).
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        private static long kb(String line) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
    }

    // --- the end ---

    private void stopAll() {
        if (service != null && service.isAlive()) {
            service.destroy();
            try {
                if (!service.waitFor(20, TimeUnit.SECONDS)) {
                    service.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException interrupted) {
                service.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (gmail != null) {
            gmail.stop();
        }
        if (auth != null) {
            auth.stop();
        }
        if (postgres != null) {
            try (Connection admin = postgres.admin(); Statement drop = admin.createStatement()) {
                drop.execute("drop database if exists " + database + " with (force)");
            } catch (SQLException e) {
                System.err.println("bench: could not drop database " + database + ": " + e.getMessage());
            }
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(work.resolve("email-service.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no service log)";
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + property + " is required");
        }
        return value;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.printf("bench: " + format + "%n", args);
    }

    private static void row(String label, String format, Object... args) {
        System.out.printf("  %-26s" + format + "%n", prepend(label, args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private EmailSyncBench() {
    }
}
