package ai.andy.chat.assistant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.andy.events.intent.IntentDecoder;
import ai.andy.events.intent.InvalidIntentException;
import ai.andy.events.intent.calendar.CalendarEvent;
import ai.andy.events.intent.calendar.CalendarEvents;
import ai.andy.events.intent.calendar.EventView;
import ai.andy.events.intent.calendar.FreeSlots;
import ai.andy.events.intent.calendar.TaskItem;
import ai.andy.events.intent.calendar.TaskItems;
import ai.andy.events.intent.calendar.TaskView;
import ai.andy.events.intent.telephony.CallRecord;
import ai.andy.events.intent.telephony.CallRecords;
import ai.andy.events.intent.telephony.CallView;
import ai.andy.events.intent.telephony.SmsMessage;
import ai.andy.events.intent.telephony.SmsMessages;
import ai.andy.events.intent.telephony.SmsView;
import ai.andy.events.intent.voice.Speech;

/**
 * The offline engine's words for what calendar-, telephony- and voice-service answered, read from the typed result
 * records of the intent contract. Times are said in the person's zone; texts and transcripts are quoted as data.
 */
final class DomainAnswers {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final int SHOWN = 10;

    private final ZoneId zone;
    private final LocalDate today;

    DomainAnswers(ZonedDateTime now) {
        this.zone = now.getZone();
        this.today = now.toLocalDate();
    }

    /** The answer for an intent of these domains, or null when the intent is not one of theirs. */
    String answer(String intent, Map<String, Object> result) {
        try {
            return switch (intent) {
                case "calendar.list" -> events(IntentDecoder.decode(result, CalendarEvents.class));
                case "calendar.create" -> event("Added", IntentDecoder.decode(result, CalendarEvent.class).event());
                case "calendar.update" -> event("Changed", IntentDecoder.decode(result, CalendarEvent.class).event());
                case "calendar.cancel" -> event("Cancelled", IntentDecoder.decode(result, CalendarEvent.class).event());
                case "calendar.findSlot" -> slots(IntentDecoder.decode(result, FreeSlots.class));
                case "task.list" -> tasks(IntentDecoder.decode(result, TaskItems.class));
                case "task.create" -> task("Added to your tasks", IntentDecoder.decode(result, TaskItem.class).task());
                case "task.complete" -> task("Marked as done", IntentDecoder.decode(result, TaskItem.class).task());
                case "sms.list" -> texts(IntentDecoder.decode(result, SmsMessages.class));
                case "sms.send" -> sent(IntentDecoder.decode(result, SmsMessage.class).message());
                case "call.list" -> calls(IntentDecoder.decode(result, CallRecords.class));
                case "call.place" -> placed(IntentDecoder.decode(result, CallRecord.class).call());
                case "voice.speak" -> spoken(IntentDecoder.decode(result, Speech.class));
                default -> null;
            };
        } catch (InvalidIntentException | NullPointerException e) {
            // An answer of an unexpected shape is not a reason to fail the turn: say what is known.
            return "Done, though I could not read the details of the answer.";
        }
    }

    private String events(CalendarEvents result) {
        List<EventView> events = result.events() == null ? List.of() : result.events();
        if (events.isEmpty()) {
            return "Nothing on your calendar then.";
        }
        StringBuilder text = new StringBuilder(events.size() == 1 ? "1 event:\n" : events.size() + " events:\n");
        events.stream().limit(SHOWN).forEach(e -> text.append("- ").append(when(e)).append(": ")
                .append(blankAs(e.title(), "(no title)")).append(where(e)).append('\n'));
        if (events.size() > SHOWN || Boolean.TRUE.equals(result.more())) {
            text.append("And more; ask for a shorter stretch of time to see them all.\n");
        }
        return text.toString().stripTrailing();
    }

    private String event(String what, EventView e) {
        if (e == null) {
            return what + ".";
        }
        String people = e.attendees() == null || e.attendees().isEmpty() ? ""
                : " with " + String.join(", ", e.attendees().stream()
                        .map(a -> a.name() != null ? a.name() : a.address()).toList());
        return what + " \u201c" + blankAs(e.title(), "(no title)") + "\u201d, " + when(e) + people + where(e) + ".";
    }

    private String slots(FreeSlots result) {
        List<FreeSlots.Slot> slots = result.slots() == null ? List.of() : result.slots();
        String note = result.note() == null || result.note().isBlank() ? "" : "\n" + result.note();
        if (slots.isEmpty()) {
            return "I found no free " + result.durationMinutes() + " minutes in that time." + note;
        }
        StringBuilder text = new StringBuilder("You are free for " + result.durationMinutes() + " minutes:\n");
        slots.stream().limit(5).forEach(s -> text.append("- ").append(day(s.start())).append(' ')
                .append(TIME.format(local(s.start()))).append("\u2013").append(TIME.format(local(s.end()))).append('\n'));
        return text.toString().stripTrailing() + note;
    }

    private String tasks(TaskItems result) {
        List<TaskView> tasks = result.tasks() == null ? List.of() : result.tasks();
        if (tasks.isEmpty()) {
            return "No tasks there.";
        }
        StringBuilder text = new StringBuilder(tasks.size() == 1 ? "1 task:\n" : tasks.size() + " tasks:\n");
        tasks.stream().limit(SHOWN).forEach(t -> text.append("- ").append(taskLine(t)).append('\n'));
        if (tasks.size() > SHOWN || Boolean.TRUE.equals(result.more())) {
            text.append("And more.\n");
        }
        return text.toString().stripTrailing();
    }

    private String task(String what, TaskView t) {
        return t == null ? what + "." : what + ": " + taskLine(t) + ".";
    }

    private String taskLine(TaskView t) {
        StringBuilder line = new StringBuilder(blankAs(t.title(), "(no title)"));
        if (t.due() != null) {
            line.append(", due ").append(day(t.due())).append(' ').append(TIME.format(local(t.due())));
        }
        if (t.priority() != null && t.priority().name().equals("HIGH")) {
            line.append(" (high priority)");
        }
        if ("completed".equals(t.status())) {
            line.append(" \u2014 done");
        }
        return line.toString();
    }

    private String texts(SmsMessages result) {
        List<SmsView> messages = result.messages() == null ? List.of() : result.messages();
        if (messages.isEmpty()) {
            return "No texts there.";
        }
        StringBuilder text = new StringBuilder(messages.size() == 1 ? "1 text:\n" : messages.size() + " texts:\n");
        messages.stream().limit(SHOWN).forEach(m -> text.append("- ")
                .append("inbound".equals(m.direction()) ? "From " : "To ").append(counterpart(m.counterpartName(),
                        m.counterpartNumber())).append(", ").append(instant(m.at())).append(": \u201c")
                .append(blankAs(m.body(), "")).append("\u201d").append(m.simulated() ? " (simulated)" : "")
                .append('\n'));
        return text.toString().stripTrailing();
    }

    private String sent(SmsView m) {
        if (m == null) {
            return "Sent.";
        }
        return (m.simulated() ? "Recorded on the simulated carrier (no real text was sent): " : "Sent to ")
                + (m.simulated() ? "to " : "") + counterpart(m.counterpartName(), m.counterpartNumber()) + ", \u201c"
                + blankAs(m.body(), "") + "\u201d (" + blankAs(m.status(), "queued") + ").";
    }

    private String calls(CallRecords result) {
        List<CallView> calls = result.calls() == null ? List.of() : result.calls();
        if (calls.isEmpty()) {
            return "No calls there.";
        }
        StringBuilder text = new StringBuilder(calls.size() == 1 ? "1 call:\n" : calls.size() + " calls:\n");
        calls.stream().limit(SHOWN).forEach(c -> {
            text.append("- ").append("inbound".equals(c.direction()) ? "From " : "To ")
                    .append(counterpart(c.counterpartName(), c.counterpartNumber())).append(", ")
                    .append(instant(c.startedAt())).append(" (").append(blankAs(c.status(), "unknown")).append(')');
            if (c.voicemailTranscript() != null && !c.voicemailTranscript().isBlank()) {
                text.append(", voicemail: \u201c").append(c.voicemailTranscript()).append("\u201d");
            }
            text.append(c.simulated() ? " (simulated)" : "").append('\n');
        });
        return text.toString().stripTrailing();
    }

    private String placed(CallView c) {
        if (c == null) {
            return "Calling.";
        }
        return (c.simulated() ? "Placed on the simulated carrier (no real call was made): " : "Calling ")
                + counterpart(c.counterpartName(), c.counterpartNumber()) + " (" + blankAs(c.status(), "queued") + ").";
    }

    private static String spoken(Speech s) {
        return s.audioUrl() == null ? "I could not make the audio." : "Here it is: " + s.audioUrl();
    }

    private String when(EventView e) {
        if (e.allDay() && e.startDate() != null) {
            return dayOf(e.startDate()) + ", all day";
        }
        if (e.start() == null) {
            return "no time";
        }
        String end = e.end() == null ? "" : "\u2013" + TIME.format(local(e.end()));
        return day(e.start()) + " " + TIME.format(local(e.start())) + end;
    }

    private static String where(EventView e) {
        return e.location() == null || e.location().isBlank() ? "" : " at " + e.location();
    }

    private String instant(java.time.Instant at) {
        return at == null ? "no date" : day(at.atZone(zone).toOffsetDateTime()) + " " + TIME.format(at.atZone(zone));
    }

    private ZonedDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(zone);
    }

    private String day(OffsetDateTime at) {
        return dayOf(local(at).toLocalDate());
    }

    private String dayOf(LocalDate date) {
        return date.equals(today) ? "today" : date.equals(today.plusDays(1)) ? "tomorrow"
                : date.equals(today.minusDays(1)) ? "yesterday" : DAY.format(date);
    }

    private static String counterpart(String name, String number) {
        return name != null && !name.isBlank() ? name + (number == null ? "" : " (" + number + ")")
                : number == null ? "an unknown number" : number;
    }

    private static String blankAs(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
