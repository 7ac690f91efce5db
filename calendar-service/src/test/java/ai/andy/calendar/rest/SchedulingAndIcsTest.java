package ai.andy.calendar.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import ai.andy.calendar.support.People;
import ai.andy.calendar.support.People.Person;
import ai.andy.testsupport.InjectAuthService;
import ai.andy.testsupport.InjectKafkaCompanion;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Free/busy, finding a time within working hours from auth-service, and ICS out and back in. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "calendar"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
class SchedulingAndIcsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectAuthService
    WireMockServer auth;

    Person ada;
    Person bo;

    @BeforeEach
    void signUp() {
        ada = People.signUp(kafka, "Ada", "Europe/Paris");
        bo = People.signUp(kafka, "Bo", "America/New_York");
        // auth-service knows Ada's working hours (mornings only); it has nothing for Bo.
        auth.stubFor(get(urlEqualTo("/internal/users/" + ada.userId())).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + ada.userId() + "\",\"timezone\":\"Europe/Paris\",\"preferences\":"
                        + "{\"workingHours\":{\"start\":\"08:00:00\",\"end\":\"12:00:00\",\"days\":[\"MONDAY\","
                        + "\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]}}}")));
    }

    @Test
    void findsFreeTimeAroundEventsWithinThePersonsWorkingHours() {
        ada.api().body(Map.of("title", "Early call", "start", "2027-02-01T08:00:00+01:00", "durationMinutes", 60))
                .post("/api/calendar/events").then().statusCode(201);
        JsonPath busy = ada.api().queryParam("from", "2027-02-01T00:00:00+01:00")
                .queryParam("to", "2027-02-02T00:00:00+01:00").get("/api/calendar/free-busy").then().statusCode(200)
                .extract().jsonPath();
        // The call, and the demo stand-up (a weekday series at 09:30): times only, no titles.
        assertThat(busy.getList("busy.start")).containsExactly("2027-02-01T07:00:00Z", "2027-02-01T08:30:00Z");
        assertThat(busy.prettify()).doesNotContain("Early call", "stand-up");

        JsonPath slots = ada.api().queryParam("durationMinutes", 60).queryParam("from", "2027-02-01T00:00:00+01:00")
                .queryParam("to", "2027-02-02T00:00:00+01:00").get("/api/calendar/find-slot").then()
                .statusCode(200).extract().jsonPath();
        assertThat(slots.getList("slots.start")).containsExactly("2027-02-01T08:45:00Z", "2027-02-01T09:45:00Z");
        assertThat(slots.getString("zone")).isEqualTo("Europe/Paris");
        assertThat(slots.getBoolean("hoursKnown")).isTrue();
    }

    @Test
    void withoutAnswerFromAuthServiceTheDefaultHoursApplyInTheCalendarsZone() {
        JsonPath slots = bo.api().queryParam("durationMinutes", 120).queryParam("from", "2027-02-01T00:00:00-05:00")
                .queryParam("to", "2027-02-02T00:00:00-05:00").get("/api/calendar/find-slot").then()
                .statusCode(200).extract().jsonPath();
        assertThat(slots.getList("slots.start")).containsExactly("2027-02-01T14:45:00Z", "2027-02-01T16:45:00Z",
                "2027-02-01T18:45:00Z");
        assertThat(slots.getString("zone")).isEqualTo("America/New_York");
        assertThat(slots.getBoolean("hoursKnown")).isFalse();
        bo.api().queryParam("durationMinutes", 0).queryParam("from", "2027-02-01").queryParam("to", "2027-02-02")
                .get("/api/calendar/find-slot").then().statusCode(400);
        bo.api().queryParam("from", "2027-02-01").get("/api/calendar/free-busy").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void aCalendarExportsToIcsAndImportsElsewhereWithItsSeriesExceptions() {
        String adasCalendar = ada.api().get("/api/calendar/calendars").then().extract().path("[0].id");
        String ics = ada.api().accept("text/calendar").get("/api/calendar/calendars/" + adasCalendar + "/export.ics")
                .then().statusCode(200).contentType(containsString("text/calendar")).extract().asString();
        assertThat(ics).contains("BEGIN:VCALENDAR", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "RECURRENCE-ID;TZID=Europe/Paris",
                "EXDATE;TZID=Europe/Paris", "BEGIN:VTIMEZONE", "TZID:Europe/Paris", "SUMMARY:Dentist");

        String bosCalendar = bo.api().get("/api/calendar/calendars").then().extract().path("[0].id");
        bo.api().contentType("text/calendar").body(ics).post("/api/calendar/calendars/" + bosCalendar + "/import")
                .then().statusCode(200).body("imported", equalTo(5)).body("series", equalTo(1))
                .body("movedInstances", equalTo(1)).body("cancelledInstances", equalTo(1));

        LocalDate today = LocalDate.now(PARIS);
        List<Map<String, Object>> imported = LocalCalendarTest.window(bo, today.atStartOfDay(PARIS)
                .toOffsetDateTime(), today.plusDays(14).atStartOfDay(PARIS).toOffsetDateTime()).stream()
                .filter(e -> e.get("demo").equals(false)).toList();
        LocalDate wednesday = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        LocalDate friday = today.with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        List<OffsetDateTime> standups = imported.stream().filter(e -> e.get("title").equals("Team stand-up"))
                .map(e -> OffsetDateTime.parse((String) e.get("start"))).toList();
        assertThat(standups).contains(wednesday.atTime(11, 0).atZone(PARIS).toOffsetDateTime())
                .noneMatch(s -> s.toLocalDate().equals(friday))
                .allMatch(s -> s.toLocalDate().equals(wednesday) || s.toLocalTime().toString().equals("09:30"));
        assertThat(imported).anySatisfy(e -> {
            assertThat(e.get("title")).isEqualTo("Sam's birthday");
            assertThat(e.get("allDay")).isEqualTo(true);
            assertThat(e.get("startDate")).isEqualTo(today.plusDays(5).toString());
        });

        bo.api().contentType("text/calendar").body("hello").post("/api/calendar/calendars/" + bosCalendar + "/import")
                .then().statusCode(400).contentType(containsString("application/problem+json"));
        bo.api().contentType("text/calendar").body(ics).post("/api/calendar/calendars/" + adasCalendar + "/import")
                .then().statusCode(404);
        bo.api().accept("text/calendar").get("/api/calendar/calendars/" + adasCalendar + "/export.ics").then()
                .statusCode(404);
    }
}
