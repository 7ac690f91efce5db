package ai.andy.calendar.service;

import static ai.andy.calendar.support.People.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.andy.calendar.support.People;
import ai.andy.calendar.support.People.Person;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Reminders fire once however many claimers race, and not at all when they are no longer of use. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "calendar"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
class ReminderTest {
    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ReminderService reminders;

    Person ada;

    @BeforeEach
    void signUp() {
        ada = People.signUp(kafka, "Ada", "Europe/Paris");
    }

    @Test
    void twoClaimersRacingSendEachReminderOnce() throws Exception {
        Instant soon = Instant.now().plus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Starting within the default 10-minute lead: each reminder is due at once.
            ids.add(ada.api().body(Map.of("title", "Call " + i, "start", soon.plusSeconds(30L * i).toString()))
                    .post("/api/calendar/events").then().statusCode(201).extract().path("id"));
        }
        String taskId = ada.api().body(Map.of("title", "Water the plants",
                "due", Instant.now().plusSeconds(1).toString())).post("/api/tasks").then().statusCode(201)
                .extract().path("id");
        Thread.sleep(1500);
        awaitBlocking(() -> reminders.plan());

        var pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> claimer = () -> awaitBlocking(() -> reminders.fire());
            Future<Integer> a = pool.submit(claimer);
            Future<Integer> b = pool.submit(claimer);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }

        var due = kafka.consumeStrings().fromTopics("reminder.due");
        try {
            await().atMost(PATIENCE).until(() -> mine(due.getRecords()).size() >= 13);
            Thread.sleep(3000); // the scheduler keeps claiming every second: nothing more may come
            List<String> items = mine(due.getRecords()).stream().map(v -> JsonPath.from(v).getString("itemId"))
                    .toList();
            assertThat(items).hasSize(13).doesNotHaveDuplicates().containsAll(ids).contains(taskId);
        } finally {
            due.stop();
        }
        var notices = kafka.consumeStrings().fromTopics("notify.user");
        try {
            await().atMost(PATIENCE).until(() -> notices.getRecords().stream()
                    .filter(r -> ada.userId().equals(r.key()) && r.value().contains("reminder.due")).count() >= 13);
        } finally {
            notices.stop();
        }
    }

    @Test
    void aCancelledOrMovedEventsPlannedReminderDoesNotGoOut() throws Exception {
        Instant soon = Instant.now().plus(4, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String cancelled = ada.api().body(Map.of("title", "Cancelled soon", "start", soon.toString(),
                "reminderMinutes", 1)).post("/api/calendar/events").then().statusCode(201).extract().path("id");
        String moved = ada.api().body(Map.of("title", "Moved later", "start", soon.toString(),
                "reminderMinutes", 1)).post("/api/calendar/events").then().statusCode(201).extract().path("id");
        String kept = ada.api().body(Map.of("title", "Kept", "start", soon.plusSeconds(60).toString(),
                "reminderMinutes", 60)).post("/api/calendar/events").then().statusCode(201).extract().path("id");
        ada.api().delete("/api/calendar/events/" + cancelled).then().statusCode(200);
        ada.api().body(Map.of("start", soon.plus(2, ChronoUnit.DAYS).toString()))
                .patch("/api/calendar/events/" + moved).then().statusCode(200);

        var due = kafka.consumeStrings().fromTopics("reminder.due");
        try {
            await().atMost(PATIENCE).until(() -> mine(due.getRecords()).stream().anyMatch(v -> v.contains(kept)));
            Thread.sleep(2000);
            assertThat(mine(due.getRecords())).noneMatch(v -> v.contains(cancelled) || v.contains(moved));
        } finally {
            due.stop();
        }
    }

    private List<String> mine(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> ada.userId().equals(r.key())).map(r -> r.value()).toList();
    }

    private static <T> T awaitBlocking(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
