package ai.andy.calendar.rest;

import static ai.andy.calendar.support.People.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The built-in task list through its API: demo tasks, filters, the whole life of a task, privacy. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "calendar"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
class TasksTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    Person ada;
    Person bo;

    @BeforeEach
    void signUp() {
        ada = People.signUp(kafka, "Ada", "Europe/Paris");
        bo = People.signUp(kafka, "Bo", "America/New_York");
    }

    @Test
    void demoTasksAreMarkedAndFilteredByStatus() {
        List<Map<String, Object>> all = tasks(ada, "");
        assertThat(all).hasSize(4).allSatisfy(t -> assertThat(t.get("demo")).isEqualTo(true));
        assertThat(tasks(ada, "open")).extracting(t -> t.get("title"))
                .containsExactly("Call the plumber", "Renew passport", "Buy milk");
        assertThat(tasks(ada, "done")).extracting(t -> t.get("title")).containsExactly("Book train tickets");
        Map<String, Object> passport = all.stream().filter(t -> t.get("title").equals("Renew passport"))
                .findFirst().orElseThrow();
        assertThat(passport.get("dueDate")).isEqualTo(LocalDate.now(PARIS).plusDays(3).toString());
        assertThat(passport.get("dueHasTime")).isEqualTo(false);
        assertThat(passport.get("priority")).isEqualTo("high");
    }

    @Test
    void aTaskIsCreatedOnceChangedCompletedAndDeleted() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("title", "File the tax return", "due", "2027-04-30T18:00:00+02:00",
                "priority", "high", "notes", "Receipts are in the blue folder");
        String id = ada.api().header("Idempotency-Key", key).body(body).post("/api/tasks").then().statusCode(201)
                .body("dueHasTime", equalTo(true)).body("status", equalTo("open")).extract().path("id");
        assertThat((String) ada.api().header("Idempotency-Key", key).body(body).post("/api/tasks").then()
                .statusCode(201).extract().path("id")).isEqualTo(id);
        assertThat(tasks(ada, "open")).extracting(t -> t.get("id")).containsOnlyOnce(id);

        ada.api().get("/api/tasks/" + id).then().statusCode(200).body("notes",
                equalTo("Receipts are in the blue folder"));
        ada.api().body(Map.of("priority", "low", "dueDate", "2027-05-02")).patch("/api/tasks/" + id).then()
                .statusCode(200).body("priority", equalTo("low")).body("dueDate", equalTo("2027-05-02"))
                .body("dueHasTime", equalTo(false));
        ada.api().post("/api/tasks/" + id + "/complete").then().statusCode(200).body("status", equalTo("done"));
        assertThat(tasks(ada, "done")).extracting(t -> t.get("id")).contains(id);
        ada.api().delete("/api/tasks/" + id).then().statusCode(204);
        ada.api().get("/api/tasks/" + id).then().statusCode(404);

        var records = kafka.consumeStrings().fromTopics("task.changed");
        try {
            List<String> changes = await().atMost(PATIENCE).until(() -> records.getRecords().stream()
                    .filter(r -> r.value().contains(id)).map(r -> JsonPath.from(r.value()).getString("change"))
                    .toList(), found -> found.size() >= 4);
            assertThat(changes).containsExactly("created", "updated", "completed", "deleted");
            assertThat(records.getRecords()).noneMatch(r -> r.value().contains("blue folder"));
        } finally {
            records.stop();
        }
    }

    @Test
    void overdueAndDueBeforeFindWhatIsLate() {
        String late = ada.api().body(Map.of("title", "Return library books",
                "due", OffsetDateTime.now(PARIS).minusHours(3).toString())).post("/api/tasks").then().statusCode(201)
                .body("overdue", equalTo(true)).extract().path("id");
        assertThat(tasks(ada, "overdue")).extracting(t -> t.get("id")).containsExactly(late);
        List<Map<String, Object>> soon = ada.api().queryParam("dueBefore", LocalDate.now(PARIS).plusDays(2)
                .toString()).get("/api/tasks").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(soon).extracting(t -> t.get("title")).contains("Return library books", "Call the plumber")
                .doesNotContain("Renew passport", "Buy milk");
    }

    @Test
    void anotherPersonsTasksAreNotFoundAndBadInputIsExplained() {
        String adas = ada.api().body(Map.of("title", "Secret")).post("/api/tasks").then().statusCode(201)
                .body("due", nullValue()).extract().path("id");
        bo.api().get("/api/tasks/" + adas).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        bo.api().body(Map.of("title", "Mine")).patch("/api/tasks/" + adas).then().statusCode(404);
        bo.api().post("/api/tasks/" + adas + "/complete").then().statusCode(404);
        bo.api().delete("/api/tasks/" + adas).then().statusCode(404);
        ada.api().get("/api/tasks/" + adas).then().statusCode(200).body("status", equalTo("open"));

        ada.api().body(Map.of("title", "x", "priority", "urgent")).post("/api/tasks").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        ada.api().body(Map.of("title", " ")).post("/api/tasks").then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        ada.api().queryParam("status", "someday").get("/api/tasks").then().statusCode(400);
    }

    private static List<Map<String, Object>> tasks(Person who, String status) {
        return who.api().queryParam("status", status).get("/api/tasks").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }
}
