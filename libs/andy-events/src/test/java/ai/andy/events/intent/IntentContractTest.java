package ai.andy.events.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.andy.events.Topics;
import ai.andy.events.intent.calendar.CalendarCreate;
import ai.andy.events.intent.calendar.TaskCreate;
import ai.andy.events.intent.calendar.TaskPriority;
import ai.andy.events.intent.email.EmailList;
import ai.andy.events.intent.email.EmailSend;
import ai.andy.events.intent.telephony.SmsSend;
import ai.andy.events.payload.ChatIntent;

class IntentContractTest {

    @Test
    void paramsAsTheEngineAndTheModelWriteThemDecodeIntoRecords() {
        EmailSend send = (EmailSend) IntentDecoder.params(new ChatIntent("r1", "c1", "email.send", Map.of(
                "to", List.of("bob@example.com", Map.of("name", "Sarah", "address", "sarah@example.com")),
                "body", "hi")));
        assertEquals("bob@example.com", send.to().get(0).address());
        assertEquals("Sarah", send.to().get(1).name());

        EmailList list = IntentDecoder.decode(Map.of("unreadOnly", "true", "since", "2026-11-28T00:00:00+01:00",
                "limit", 5), EmailList.class);
        assertTrue(list.unreadOnly());
        assertEquals(OffsetDateTime.parse("2026-11-28T00:00:00+01:00"), list.since());

        SmsSend sms = IntentDecoder.decode(Map.of("to", "+14155550123", "body", "on my way"), SmsSend.class);
        assertEquals("+14155550123", sms.to().phone());

        TaskCreate task = IntentDecoder.decode(Map.of("title", "Buy milk", "priority", "high"), TaskCreate.class);
        assertEquals(TaskPriority.HIGH, task.priority());
    }

    @Test
    void badParamsNameTheFieldAndSayWhatIsWrong() {
        InvalidIntentException time = assertThrows(InvalidIntentException.class,
                () -> IntentDecoder.decode(Map.of("since", "tomorrow"), EmailList.class));
        assertEquals("since", time.field());
        assertTrue(time.getMessage().contains("ISO-8601"), time.getMessage());

        InvalidIntentException missing = assertThrows(InvalidIntentException.class,
                () -> IntentDecoder.decode(Map.of("to", List.of("bob@example.com")), EmailSend.class));
        assertEquals("body", missing.field());

        InvalidIntentException number = assertThrows(InvalidIntentException.class,
                () -> IntentDecoder.decode(Map.of("limit", "many"), EmailList.class));
        assertEquals("limit", number.field());

        InvalidIntentException priority = assertThrows(InvalidIntentException.class,
                () -> IntentDecoder.decode(Map.of("title", "x", "priority", "urgent"), TaskCreate.class));
        assertEquals("priority", priority.field());
        assertTrue(priority.getMessage().contains("low, normal, high"), priority.getMessage());

        assertThrows(InvalidIntentException.class,
                () -> IntentDecoder.params(new ChatIntent("r", "c", "email.burn", Map.of())));
    }

    @Test
    void anEventConfirmsOnlyWhenItInvitesSomeone() {
        IntentSpec<?, ?> create = Intents.find("calendar.create").orElseThrow();
        CalendarCreate alone = IntentDecoder.decode(Map.of("title", "Focus", "start", "2026-12-03T10:00:00Z"),
                CalendarCreate.class);
        CalendarCreate invite = IntentDecoder.decode(Map.of("title", "Lunch", "start", "2026-12-03T12:00:00Z",
                "attendees", List.of("Sarah")), CalendarCreate.class);
        assertFalse(create.needsConfirmation(alone));
        assertTrue(create.needsConfirmation(invite));
        assertTrue(Intents.find("sms.send").orElseThrow().needsConfirmation(null));
        assertFalse(Intents.find("task.create").orElseThrow().needsConfirmation(null));
    }

    @Test
    void everyIntentHasAnOwnerATopicAndASchema() {
        for (IntentSpec<?, ?> spec : Intents.ALL) {
            assertTrue(Intents.resultTopics().contains(spec.resultTopic()), spec.name());
            ObjectNode schema = IntentSchemas.params(spec);
            assertEquals("object", schema.path("type").asText(), spec.name());
            assertTrue(schema.path("properties").size() > 0, spec.name());
        }
        assertEquals(Topics.CALENDAR_FETCHED, Intents.resultTopic("task.complete"));
        assertEquals(Topics.TELEPHONY_FETCHED, Intents.resultTopic("call.place"));
    }

    @Test
    void schemasDescribeTimesPeopleAndRequiredParams() {
        JsonNode send = IntentSchemas.params(Intents.find("email.send").orElseThrow());
        assertEquals("string", send.at("/properties/to/items/type").asText(), send.toString());
        assertTrue(send.path("required").toString().contains("\"body\""), send.toString());
        assertEquals("[\"to\",\"cc\",\"subject\",\"body\"]", fieldNames(send.path("properties")), send.toString());
        JsonNode create = IntentSchemas.params(Intents.find("calendar.create").orElseThrow());
        assertEquals("date-time", create.at("/properties/start/format").asText(), create.toString());
        assertTrue(create.at("/properties/title/description").asText().contains("what the event is"));
        JsonNode task = IntentSchemas.params(Intents.find("task.create").orElseThrow());
        assertEquals("[\"low\",\"normal\",\"high\"]", task.at("/properties/priority/enum").toString(),
                task.toString());
    }

    private static String fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream().map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
