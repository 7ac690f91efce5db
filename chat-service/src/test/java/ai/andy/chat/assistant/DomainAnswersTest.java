package ai.andy.chat.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.andy.events.intent.IntentDecoder;
import ai.andy.events.intent.calendar.CalendarEvents;
import ai.andy.events.intent.calendar.EventView;
import ai.andy.events.intent.calendar.FreeSlots;
import ai.andy.events.intent.calendar.TaskItem;
import ai.andy.events.intent.calendar.TaskPriority;
import ai.andy.events.intent.calendar.TaskView;
import ai.andy.events.intent.telephony.SmsMessage;
import ai.andy.events.intent.telephony.SmsView;
import ai.andy.events.intent.voice.Speech;

/** The offline answers a person reads for calendar, tasks, texts and speech: what is there, in their own zone. */
class DomainAnswersTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));
    private final DomainAnswers answers = new DomainAnswers(NOW);

    @Test
    void eventsAreListedWithTheirTimesInThePersonsZone() {
        EventView lunch = event("Lunch with Sarah", "2026-11-25T11:00:00Z", "2026-11-25T12:00:00Z", "Cafe Luna");
        EventView review = event("Budget review", "2026-11-26T08:30:00Z", "2026-11-26T09:00:00Z", null);
        String text = answers.answer("calendar.list",
                IntentDecoder.toMap(new CalendarEvents(List.of(lunch, review), 2, false)));
        assertThat(text).contains("2 events").contains("today 12:00\u201313:00: Lunch with Sarah at Cafe Luna")
                .contains("tomorrow 09:30\u201310:00: Budget review");
        assertThat(answers.answer("calendar.list", IntentDecoder.toMap(new CalendarEvents(List.of(), 0, false))))
                .isEqualTo("Nothing on your calendar then.");
    }

    @Test
    void freeSlotsAndWhatWasNotCheckedAreSaid() {
        FreeSlots slots = new FreeSlots(List.of(new FreeSlots.Slot(OffsetDateTime.parse("2026-11-26T13:00:00Z"),
                OffsetDateTime.parse("2026-11-26T13:30:00Z"))), 30, "Only your own calendars were checked.");
        assertThat(answers.answer("calendar.findSlot", IntentDecoder.toMap(slots)))
                .contains("free for 30 minutes").contains("tomorrow 14:00\u201314:30")
                .endsWith("Only your own calendars were checked.");
    }

    @Test
    void aNewTaskIsConfirmedWithItsDueTimeAndPriority() {
        TaskView task = new TaskView("t1", "l1", "local", "Pay rent", OffsetDateTime.parse("2026-11-26T09:00:00Z"),
                TaskPriority.HIGH, "open", null, false);
        assertThat(answers.answer("task.create", IntentDecoder.toMap(new TaskItem(task))))
                .isEqualTo("Added to your tasks: Pay rent, due tomorrow 10:00 (high priority).");
    }

    @Test
    void aSimulatedTextSaysPlainlyThatNothingWasSent() {
        SmsView sms = new SmsView("s1", "outbound", "Bob", "+15551234567", "On my way", "delivered",
                Instant.parse("2026-11-25T09:00:00Z"), true);
        assertThat(answers.answer("sms.send", IntentDecoder.toMap(new SmsMessage(sms))))
                .contains("simulated carrier").contains("no real text was sent").contains("Bob (+15551234567)");
    }

    @Test
    void speechAnswersWithWhereToFetchTheAudio() {
        Speech speech = new Speech("http://localhost:8080/api/voice/audio/abc?exp=1&sig=x", "audio/wav", null,
                "local", 11, Instant.parse("2026-11-25T09:10:00Z"));
        assertThat(answers.answer("voice.speak", IntentDecoder.toMap(speech)))
                .isEqualTo("Here it is: http://localhost:8080/api/voice/audio/abc?exp=1&sig=x");
    }

    @Test
    void intentsOfOtherDomainsAreLeftToTheirOwnWriter() {
        assertThat(answers.answer("email.list", java.util.Map.of())).isNull();
    }

    private static EventView event(String title, String start, String end, String location) {
        return new EventView("e-" + title.hashCode(), "c1", "local", title, OffsetDateTime.parse(start),
                OffsetDateTime.parse(end), null, null, false, "Europe/Berlin", location, null, List.of(), "confirmed",
                false, false);
    }
}
