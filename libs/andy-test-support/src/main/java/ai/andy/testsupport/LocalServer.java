package ai.andy.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * The servers {@code ./andy up} runs on a machine that has none: one per child JVM, in the foreground, stopped
 * cleanly by SIGTERM. Data stays in the given directory between runs.
 *
 * <pre>
 * LocalServer kafka    DIR BROKER_PORT CONTROLLER_PORT
 * LocalServer postgres DIR PORT
 * LocalServer redis    PORT
 * </pre>
 */
public final class LocalServer {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        switch (args[0]) {
            case "kafka" -> {
                requireArgs(args, 4);
                KafkaRaftServer server = kafka(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                onStop(stopped, () -> {
                    server.shutdown();
                    server.awaitShutdown();
                });
            }
            case "postgres" -> {
                requireArgs(args, 3);
                Path dir = Path.of(args[1]);
                Files.createDirectories(dir);
                EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.toFile())
                        .setCleanDataDirectory(false).setPort(Integer.parseInt(args[2])).start();
                onStop(stopped, () -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                    }
                });
            }
            case "redis" -> {
                redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
                        .port(Integer.parseInt(args[1])).bind("127.0.0.1")
                        .setting("save \"\"").setting("appendonly no").build();
                server.start();
                onStop(stopped, () -> {
                    try {
                        server.stop();
                    } catch (IOException e) {
                        System.err.println("embedded Redis did not stop cleanly: " + e.getMessage());
                    }
                });
            }
            default -> usage();
        }
        System.out.println(args[0] + " ready");
        stopped.await();
    }

    private static KafkaRaftServer kafka(Path dir, int brokerPort, int controllerPort) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("server.properties");
        Properties props = KafkaBroker.serverProperties(dir, brokerPort, controllerPort, 3);
        try (Writer out = Files.newBufferedWriter(file)) {
            props.store(out, "written by ./andy up");
        }
        Path clusterIdFile = dir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        ByteArrayOutputStream formatOutput = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] { "format", "-t", Files.readString(clusterIdFile).trim(),
                "-c", file.toString(), "--ignore-formatted" },
                new PrintStream(formatOutput, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("kafka storage format failed: " + formatOutput);
        }
        Properties loaded = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            loaded.load(in);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(loaded, false), Time.SYSTEM);
        server.startup();
        return server;
    }

    private static void onStop(CountDownLatch stopped, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "local-server-stop"));
    }

    private static void requireArgs(String[] args, int count) {
        if (args.length < count) {
            usage();
        }
    }

    private static void usage() {
        System.err.println("usage: LocalServer kafka DIR BROKER_PORT CONTROLLER_PORT | postgres DIR PORT | redis PORT");
        System.exit(2);
    }

    private LocalServer() {
    }
}
