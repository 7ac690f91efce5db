package ai.andy.calendar.rest;

import static ai.andy.calendar.support.People.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
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

/** The built-in calendar through its API: demo content, series and their exceptions, edits, paging, privacy. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "calendar"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
class LocalCalendarTest {
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
    @SuppressWarnings("unchecked")
    void aNewPersonHasADemoCalendarWithASeriesAndItsExceptions() {
        JsonPath calendars = ada.api().get("/api/calendar/calendars").then().statusCode(200).extract().jsonPath();
        assertThat(calendars.getList("kind")).containsExactly("events", "tasks");
        assertThat(calendars.getString("[0].zone")).isEqualTo("Europe/Paris");

        LocalDate today = LocalDate.now(PARIS);
        List<Map<String, Object>> events = window(ada, today.atStartOfDay(PARIS).toOffsetDateTime(),
                today.plusDays(14).atStartOfDay(PARIS).toOffsetDateTime());
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.get("demo")).isEqualTo(true));
        assertThat(events).extracting(e -> e.get("title")).contains("Dentist", "Lunch with Sarah", "Sam's birthday");

        LocalDate wednesday = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        LocalDate friday = today.with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        List<Map<String, Object>> standups = events.stream().filter(e -> e.get("title").equals("Team stand-up"))
                .toList();
        assertThat(standups).anySatisfy(e -> {
            assertThat(OffsetDateTime.parse((String) e.get("start")).atZoneSameInstant(PARIS).toLocalDateTime())
                    .isEqualTo(wednesday.atTime(11, 0));
            assertThat(OffsetDateTime.parse((String) e.get("originalStart")).toLocalTime())
                    .isEqualTo(LocalTime.of(9, 30));
        });
        assertThat(standups).noneSatisfy(e -> assertThat(OffsetDateTime.parse((String) e.get("start"))
                .toLocalDate()).isEqualTo(friday));
        assertThat(standups).allSatisfy(e -> assertThat(e.get("recurrence")).isEqualTo(
                "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));
        Map<String, Object> birthday = events.stream().filter(e -> e.get("title").equals("Sam's birthday"))
                .findFirst().orElseThrow();
        assertThat(birthday.get("allDay")).isEqualTo(true);
        assertThat(birthday.get("startDate")).isEqualTo(today.plusDays(5).toString());

        String dentist = (String) events.stream().filter(e -> e.get("title").equals("Dentist")).findFirst()
                .orElseThrow().get("id");
        ada.api().get("/api/calendar/events/" + dentist).then().statusCode(200)
                .body("description", containsString("Demo event"));
    }

    @Test
    void createsReadsMovesAndCancelsAnEventOnceWithAnIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("title", "Budget review", "start", "2027-03-02T14:00:00+01:00",
                "durationMinutes", 45, "location", "Room 4", "description", "Bring the Q1 numbers",
                "attendees", List.of(Map.of("name", "Sarah", "address", "sarah@example.com")));
        String id = ada.api().header("Idempotency-Key", key).body(body).post("/api/calendar/events").then()
                .statusCode(201).body("end", equalTo("2027-03-02T14:45:00+01:00")).body("zone", equalTo("Europe/Paris"))
                .body("reminderMinutes", equalTo(10)).extract().path("id");
        String again = ada.api().header("Idempotency-Key", key).body(body).post("/api/calendar/events").then()
                .statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(id);
        assertThat(window(ada, OffsetDateTime.parse("2027-03-02T00:00:00+01:00"),
                OffsetDateTime.parse("2027-03-03T00:00:00+01:00")).stream().filter(e -> e.get("demo").equals(false)))
                .extracting(e -> e.get("id")).containsExactly(id);

        ada.api().get("/api/calendar/events/" + id).then().statusCode(200)
                .body("description", equalTo("Bring the Q1 numbers")).body("attendees[0].name", equalTo("Sarah"));
        ada.api().body(Map.of("start", "2027-03-02T16:00:00+01:00")).patch("/api/calendar/events/" + id).then()
                .statusCode(200).body("start", equalTo("2027-03-02T16:00:00+01:00"))
                .body("end", equalTo("2027-03-02T16:45:00+01:00")).body("title", equalTo("Budget review"));
        ada.api().delete("/api/calendar/events/" + id).then().statusCode(200).body("status", equalTo("cancelled"));
        assertThat(window(ada, OffsetDateTime.parse("2027-03-02T00:00:00+01:00"),
                OffsetDateTime.parse("2027-03-03T00:00:00+01:00"))).allSatisfy(e -> assertThat(e.get("demo"))
                        .isEqualTo(true));

        List<String> changes = changesOf(ada.userId(), id, 3);
        assertThat(changes).containsExactly("created", "updated", "cancelled");
    }

    @Test
    void aSeriesKeepsItsLocalTimeAcrossDstAndOneInstanceCanBeMovedOrCancelled() {
        String series = ada.api().body(Map.of("title", "Piano lesson", "start", "2027-03-15T10:00:00+01:00",
                "durationMinutes", 60, "recurrence", "FREQ=WEEKLY;COUNT=4")).post("/api/calendar/events").then()
                .statusCode(201).extract().path("id");
        List<Map<String, Object>> lessons = window(ada, OffsetDateTime.parse("2027-03-01T00:00:00Z"),
                OffsetDateTime.parse("2027-05-01T00:00:00Z")).stream()
                .filter(e -> e.get("title").equals("Piano lesson")).toList();
        // Paris changes to summer time on 28 March 2027.
        assertThat(lessons).extracting(e -> e.get("start")).containsExactly("2027-03-15T10:00:00+01:00",
                "2027-03-22T10:00:00+01:00", "2027-03-29T10:00:00+02:00", "2027-04-05T10:00:00+02:00");
        String third = (String) lessons.get(2).get("id");
        assertThat(third).isEqualTo(series + "_20270329T080000Z");

        ada.api().body(Map.of("start", "2027-03-30T18:00:00+02:00")).patch("/api/calendar/events/" + third)
                .then().statusCode(200).body("id", equalTo(third)).body("start", equalTo("2027-03-30T18:00:00+02:00"));
        ada.api().delete("/api/calendar/events/" + lessons.get(3).get("id")).then().statusCode(200);

        assertThat(window(ada, OffsetDateTime.parse("2027-03-01T00:00:00Z"), OffsetDateTime.parse(
                "2027-05-01T00:00:00Z")).stream().filter(e -> e.get("title").equals("Piano lesson"))
                .map(e -> e.get("start")).toList()).containsExactly("2027-03-15T10:00:00+01:00",
                        "2027-03-22T10:00:00+01:00", "2027-03-30T18:00:00+02:00");
        ada.api().get("/api/calendar/events/" + series + "_20270322T090000Z").then().statusCode(200)
                .body("seriesId", equalTo(series));
        ada.api().get("/api/calendar/events/" + series + "_20270323T090000Z").then().statusCode(404);
    }

    @Test
    void pagesWithACursorCoverEveryEventOnce() {
        OffsetDateTime from = LocalDate.now(PARIS).minusDays(7).atStartOfDay(PARIS).toOffsetDateTime();
        OffsetDateTime to = from.plusDays(30);
        int total = window(ada, from, to).size();
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = ada.api().queryParam("from", from.toString()).queryParam("to", to.toString())
                    .queryParam("limit", 3).queryParam("cursor", cursor).get("/api/calendar/events").then()
                    .statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("events.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
        assertThat(total).isGreaterThan(6);
    }

    @Test
    void anotherPersonsEventsAndCalendarsAreNotFound() {
        String adas = ada.api().body(Map.of("title", "Private", "start", "2027-01-10T09:00:00Z"))
                .post("/api/calendar/events").then().statusCode(201).extract().path("id");
        String adasCalendar = ada.api().get("/api/calendar/calendars").then().extract().path("[0].id");

        bo.api().get("/api/calendar/events/" + adas).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        bo.api().body(Map.of("title", "Mine now")).patch("/api/calendar/events/" + adas).then().statusCode(404);
        bo.api().delete("/api/calendar/events/" + adas).then().statusCode(404);
        bo.api().queryParam("from", "2027-01-01T00:00:00Z").queryParam("to", "2027-02-01T00:00:00Z")
                .queryParam("calendar", adasCalendar).get("/api/calendar/events").then().statusCode(404);
        bo.api().body(Map.of("title", "Sneaky", "start", "2027-01-10T09:00:00Z", "calendarId", adasCalendar))
                .post("/api/calendar/events").then().statusCode(404);
        ada.api().get("/api/calendar/events/" + adas).then().statusCode(200).body("title", equalTo("Private"));
    }

    @Test
    void badInputIsAProblemAPersonCanFix() {
        ada.api().body(Map.of("title", "Backwards", "start", "2027-01-10T09:00:00Z", "end", "2027-01-10T08:00:00Z"))
                .post("/api/calendar/events").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("end"));
        ada.api().body(Map.of("title", "Often", "start", "2027-01-10T09:00:00Z", "recurrence", "FREQ=HOURLY"))
                .post("/api/calendar/events").then().statusCode(400).body("detail", containsString("daily, weekly"));
        ada.api().body(Map.of("title", "Where", "start", "2027-01-10T09:00:00Z", "zone", "Mars/Olympus"))
                .post("/api/calendar/events").then().statusCode(400).body("errors[0].field", equalTo("zone"));
        ada.api().queryParam("from", "yesterday").queryParam("to", "2027-01-01").get("/api/calendar/events").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        ada.api().queryParam("from", "2027-01-01").queryParam("to", "2029-01-01").get("/api/calendar/events").then()
                .statusCode(400).body("detail", containsString("at most"));
        ada.api().get("/api/calendar/events/not-an-id").then().statusCode(404);
    }

    static List<Map<String, Object>> window(Person who, OffsetDateTime from, OffsetDateTime to) {
        return who.api().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/calendar/events").then().statusCode(200).extract().jsonPath().getList("events");
    }

    private List<String> changesOf(String userId, String eventId, int expected) {
        var records = kafka.consumeStrings().fromTopics("calendar.changed");
        try {
            return await().atMost(PATIENCE).until(() -> records.getRecords().stream()
                    .filter(r -> userId.equals(r.key()) && r.value().contains(eventId))
                    .map(r -> JsonPath.from(r.value()).getString("change")).distinct().toList(),
                    found -> found.size() >= expected);
        } finally {
            records.stop();
        }
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
