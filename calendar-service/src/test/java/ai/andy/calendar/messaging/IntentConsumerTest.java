package ai.andy.calendar.messaging;

import static ai.andy.calendar.support.People.PATIENCE;
import static ai.andy.testsupport.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.calendar.support.People;
import ai.andy.calendar.support.People.Person;
import ai.andy.testsupport.CloudEventRecords;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** chat's calendar and task intents over the real bus, answered on calendar.fetched; and account deletion. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "calendar"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
class IntentConsumerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    Person ada;

    @BeforeEach
    void signUp() {
        ada = People.signUp(kafka, "Ada", "Europe/Paris");
    }

    @Test
    void listsCreatesOnceAndMovesAnEventNamedByReference() throws Exception {
        LocalDate today = LocalDate.now(PARIS);
        JsonNode list = ask(ada, "calendar.list", Map.of("from", today.atStartOfDay(PARIS).toOffsetDateTime()
                .toString(), "to", today.plusDays(7).atStartOfDay(PARIS).toOffsetDateTime().toString()));
        assertThat(list.path("status").asText()).isEqualTo("ok");
        assertThat(list.path("result").path("events").findValuesAsText("title")).contains("Dentist", "Team stand-up");

        String requestId = UUID.randomUUID().toString();
        Map<String, Object> lunch = Map.of("title", "Lunch with Sam", "start", "2027-01-12T12:00:00+01:00",
                "attendees", List.of(Map.of("name", "Sam", "address", "sam@example.com")));
        JsonNode created = ask(ada, "calendar.create", lunch, requestId);
        JsonNode again = ask(ada, "calendar.create", lunch, requestId);
        assertThat(created.path("status").asText()).isEqualTo("ok");
        assertThat(created.at("/result/event/end").asText()).isEqualTo("2027-01-12T13:00:00+01:00");
        assertThat(again.at("/result/event/id").asText()).isEqualTo(created.at("/result/event/id").asText());

        LocalDate dentistDay = today.plusDays(2);
        JsonNode moved = ask(ada, "calendar.update", Map.of("reference", "dentist appointment",
                "from", dentistDay.atStartOfDay(PARIS).toOffsetDateTime().toString(),
                "to", dentistDay.plusDays(1).atStartOfDay(PARIS).toOffsetDateTime().toString(),
                "changes", Map.of("start", dentistDay.atTime(16, 0).atZone(PARIS).toOffsetDateTime().toString())));
        assertThat(moved.path("status").asText()).as(moved.toString()).isEqualTo("ok");
        assertThat(moved.at("/result/event/start").asText()).startsWith(dentistDay + "T16:00");
        assertThat(moved.at("/result/event/end").asText()).startsWith(dentistDay + "T16:45");
    }

    @Test
    void aReferenceFittingSeveralEventsIsAnsweredWithAQuestionAndNothingChanges() throws Exception {
        LocalDate monday = LocalDate.now(PARIS).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        JsonNode answer = ask(ada, "calendar.cancel", Map.of("reference", "stand-up",
                "from", monday.atStartOfDay(PARIS).toOffsetDateTime().toString(),
                "to", monday.plusDays(3).atStartOfDay(PARIS).toOffsetDateTime().toString()));
        assertThat(answer.path("status").asText()).isEqualTo("rejected");
        assertThat(answer.path("error").asText()).startsWith("Which event do you mean?").contains("Team stand-up")
                .contains("_");
        JsonNode list = ask(ada, "calendar.list", Map.of("from", monday.atStartOfDay(PARIS).toOffsetDateTime()
                .toString(), "to", monday.plusDays(3).atStartOfDay(PARIS).toOffsetDateTime().toString()));
        assertThat(list.path("result").path("events").findValuesAsText("title").stream()
                .filter("Team stand-up"::equals)).hasSize(3);

        // "My 12:30 tomorrow": a moment picks the one event starting then.
        LocalDate tomorrow = LocalDate.now(PARIS).plusDays(1);
        String at = tomorrow.atTime(12, 30).atZone(PARIS).toOffsetDateTime().toString();
        JsonNode cancelled = ask(ada, "calendar.cancel", Map.of("reference", "event", "from", at, "to", at));
        assertThat(cancelled.path("status").asText()).as(cancelled.toString()).isEqualTo("ok");
        assertThat(cancelled.at("/result/event/title").asText()).isEqualTo("Lunch with Sarah");
        assertThat(cancelled.at("/result/event/status").asText()).isEqualTo("cancelled");
    }

    @Test
    void invalidParamsAndOtherPeoplesIdsAreRejectedWithAReason() throws Exception {
        JsonNode noStart = ask(ada, "calendar.create", Map.of("title", "Someday"));
        assertThat(noStart.path("status").asText()).isEqualTo("rejected");
        assertThat(noStart.path("error").asText()).contains("'start'");
        JsonNode badDuration = ask(ada, "calendar.findSlot", Map.of("durationMinutes", "long"));
        assertThat(badDuration.path("status").asText()).isEqualTo("rejected");
        assertThat(badDuration.path("error").asText()).contains("durationMinutes");

        Person bo = People.signUp(kafka, "Bo", "Europe/London");
        String bosEvent = bo.api().body(Map.of("title", "Bo's", "start", "2027-02-02T10:00:00Z"))
                .post("/api/calendar/events").then().statusCode(201).extract().path("id");
        JsonNode someoneElses = ask(ada, "calendar.cancel", Map.of("eventId", bosEvent));
        assertThat(someoneElses.path("status").asText()).isEqualTo("rejected");
        bo.api().get("/api/calendar/events/" + bosEvent).then().statusCode(200).body("status",
                org.hamcrest.Matchers.equalTo("confirmed"));
    }

    @Test
    void tasksAndFreeTimeThroughChat() throws Exception {
        JsonNode created = ask(ada, "task.create", Map.of("title", "Pay the gas bill", "due",
                "2027-01-05T18:00:00+01:00", "priority", "high"));
        assertThat(created.path("status").asText()).isEqualTo("ok");
        assertThat(created.at("/result/task/priority").asText()).isEqualTo("high");
        ask(ada, "task.create", Map.of("title", "Pay the water bill"));

        JsonNode ambiguous = ask(ada, "task.complete", Map.of("reference", "pay bill"));
        assertThat(ambiguous.path("status").asText()).isEqualTo("rejected");
        assertThat(ambiguous.path("error").asText()).contains("gas bill", "water bill");
        JsonNode done = ask(ada, "task.complete", Map.of("reference", "the plumber"));
        assertThat(done.at("/result/task/title").asText()).isEqualTo("Call the plumber");
        assertThat(done.at("/result/task/status").asText()).isEqualTo("completed");

        JsonNode open = ask(ada, "task.list", Map.of("status", "open"));
        assertThat(open.path("result").path("tasks").findValuesAsText("title")).contains("Pay the gas bill")
                .doesNotContain("Call the plumber");

        JsonNode slots = ask(ada, "calendar.findSlot", Map.of("durationMinutes", 30,
                "attendees", List.of(Map.of("name", "Sarah")),
                "from", "2027-02-01T00:00:00+01:00", "to", "2027-02-02T00:00:00+01:00"));
        assertThat(slots.path("status").asText()).as(slots.toString()).isEqualTo("ok");
        assertThat(slots.at("/result/slots/0/start").asText()).isEqualTo("2027-02-01T09:00:00+01:00");
        assertThat(slots.at("/result/note").asText()).contains("Only your own calendars");
    }

    @Test
    void deletingTheAccountPurgesEverything() throws Exception {
        Person cy = People.signUp(kafka, "Cy", "Europe/Paris");
        cy.api().body(Map.of("title", "Cy's", "start", "2027-02-02T10:00:00Z")).post("/api/calendar/events").then()
                .statusCode(201);
        kafka.produceStrings().fromRecords(event("user.deleted", "/auth-service", cy.userId(),
                "{\"userId\":\"" + cy.userId() + "\"}")).awaitCompletion(PATIENCE);
        await().atMost(PATIENCE).until(() -> cy.api().get("/api/calendar/calendars").then().extract().jsonPath()
                .getList("$").isEmpty());
        assertThat(cy.api().get("/api/tasks").then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
        assertThat(cy.api().queryParam("from", "2026-01-01").queryParam("to", "2027-01-01")
                .get("/api/calendar/events").then().statusCode(200).extract().jsonPath().getList("events")).isEmpty();
        assertThat(ada.api().get("/api/calendar/calendars").then().extract().jsonPath().getList("$")).hasSize(2);
    }

    private JsonNode ask(Person who, String intent, Map<String, Object> params) throws Exception {
        return ask(who, intent, params, UUID.randomUUID().toString());
    }

    private JsonNode ask(Person who, String intent, Map<String, Object> params, String requestId) throws Exception {
        String payload = JSON.writeValueAsString(Map.of("requestId", requestId, "conversationId", "c-1",
                "intent", intent, "params", params));
        var answers = kafka.consumeStrings().fromTopics("calendar.fetched");
        kafka.produceStrings().fromRecords(event("chat.intent", "/chat-service", who.userId(), payload))
                .awaitCompletion(PATIENCE);
        ConsumerRecord<String, String> answer;
        try {
            long before = answers.getRecords().stream().filter(r -> r.value().contains(requestId)).count();
            answer = await().atMost(PATIENCE).until(() -> answers.getRecords().stream()
                    .filter(r -> r.value().contains(requestId)).skip(before).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
        } finally {
            answers.stop();
        }
        assertThat(answer.key()).isEqualTo(who.userId());
        assertThat(CloudEventRecords.header(answer, "ce_type")).isEqualTo("andy.calendar.fetched");
        return JSON.readTree(answer.value());
    }
}
