package ai.andy.chat.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.andy.chat.intent.PeopleDirectory;
import ai.andy.chat.intent.Person;
import ai.andy.events.intent.IntentSchemas;
import ai.andy.events.intent.IntentSpec;
import ai.andy.events.intent.Intents;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

/** The tool table and how the model's arguments become intent params; Retry-After reading. No server needed. */
class IntentToolsTest {

    final PeopleDirectory people = name -> switch (name.toLowerCase()) {
        case "mom" -> List.of(new Person("Mom", "mom@example.org", "(415) 555-0134"));
        case "sarah" -> List.of(new Person("Sarah Chen", "sarah.chen@example.com", null),
                new Person("Sarah Okafor", "sarah.o@example.org", null));
        default -> List.of();
    };

    @Test
    void everyIntentOfTheRegistryIsAToolUnderAWireSafeName() {
        assertThat(IntentTools.ALL).extracting(IntentTools.Tool::intent).containsExactly("email.list", "email.read",
                "email.send", "email.reply", "email.update", "calendar.list", "calendar.create", "calendar.update",
                "calendar.cancel", "calendar.findSlot", "task.create", "task.list", "task.complete", "sms.send",
                "call.place", "sms.list", "call.list", "voice.speak");
        assertThat(IntentTools.ALL).extracting(IntentTools.Tool::intent)
                .containsExactlyElementsOf(Intents.ALL.stream().map(IntentSpec::name).toList());
        assertThat(IntentTools.ALL).allSatisfy(t -> {
            assertThat(t.wireName()).matches("^[a-zA-Z0-9_-]+$");
            assertThat(IntentTools.named(t.wireName())).contains(t);
            assertThat(IntentTools.named(t.intent())).contains(t);
            assertThat(t.progress()).isNotBlank();
        });
        assertThat(IntentTools.named("email_forward_everything")).isEmpty();
    }

    @Test
    void eachToolIsItsRecordsSchemaWithTheRegistrysDescription() {
        for (IntentSpec<?, ?> spec : Intents.ALL) {
            IntentTools.Tool tool = IntentTools.named(spec.name()).orElseThrow();
            JsonNode schema = IntentSchemas.params(spec);
            JsonObjectSchema parameters = tool.spec().parameters();
            assertThat(tool.spec().description()).isEqualTo(spec.description());
            List<String> declared = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(declared::add);
            assertThat(parameters.properties().keySet()).as(spec.name()).containsExactlyElementsOf(declared);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            assertThat(parameters.required() == null ? List.<String> of() : parameters.required()).as(spec.name())
                    .containsExactlyInAnyOrderElementsOf(required);
            schema.path("properties").fields().forEachRemaining(p -> {
                JsonNode param = ToolSchemas.flatten(p.getValue());
                if (param.has("description")) {
                    assertThat(parameters.properties().get(p.getKey()).toString()).as(spec.name() + "." + p.getKey())
                            .contains(param.path("description").asText());
                }
            });
        }
        // The parameter names the offline engine and email-service already use, in the record's order.
        assertThat(IntentTools.named("email_send").orElseThrow().spec().parameters().properties().keySet())
                .containsExactly("to", "cc", "subject", "body");
        assertThat(IntentTools.named("email_send").orElseThrow().spec().parameters().required())
                .containsExactlyInAnyOrder("to", "body");
    }

    @Test
    void theToolListIsBuiltTheSameEveryTime() {
        // Tools and system prompt are the cached prompt prefix: built twice, they must be equal to the last byte.
        List<IntentTools.Tool> again = IntentTools.fromRegistry();
        assertThat(again).isEqualTo(IntentTools.ALL);
        assertThat(again.toString()).isEqualTo(IntentTools.ALL.toString());
    }

    @Test
    void peopleAreResolvedOnlyWhenExactlyOneMatches() {
        Map<String, Object> email = IntentTools.params(IntentTools.named("email_send").orElseThrow(),
                Map.of("to", "mom", "cc", List.of("Sarah", "bob@example.com", " "), "body", "Hi", "subject", ""),
                people);
        assertThat(email).isEqualTo(Map.of(
                "to", List.of(Map.of("name", "mom", "address", "mom@example.org")),
                "cc", List.of(Map.of("name", "Sarah"), "bob@example.com"),
                "body", "Hi"));

        Map<String, Object> sms = IntentTools.params(IntentTools.named("sms_send").orElseThrow(),
                Map.of("to", "Mom", "body", "On my way"), people);
        assertThat(sms.get("to")).isEqualTo(Map.of("name", "Mom", "phone", "+14155550134"));

        Map<String, Object> call = IntentTools.params(IntentTools.named("call_place").orElseThrow(),
                Map.of("to", List.of("+44 20 7946 0958")), people);
        assertThat(call.get("to")).isEqualTo("+442079460958");
    }

    @Test
    void onlyDeclaredParametersReachAnAction() {
        // A bcc or another account is nothing the person would be shown before confirming: it never gets through.
        Map<String, Object> email = IntentTools.params(IntentTools.named("email_send").orElseThrow(),
                Map.of("to", List.of("dana@example.com"), "body", "Minutes attached",
                        "bcc", List.of("attacker@example.com"), "account", "work"), people);
        assertThat(email).containsOnlyKeys("to", "body");

        // A reply names the email by its sender, so email-service answers the right one.
        Map<String, Object> reply = IntentTools.params(IntentTools.named("email_reply").orElseThrow(),
                Map.of("reference", "Sarah's last email", "from", "Sarah", "body", "Yes"), people);
        assertThat(reply).containsEntry("from", "Sarah");
    }

    @Test
    void retryAfterIsReadInSecondsMillisecondsOrAsADate() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        assertThat(RetryAfterFilter.parse(null, "2", now)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfterFilter.parse("1500", "2", now)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfterFilter.parse(null, "Sat, 28 Nov 2026 10:00:30 GMT", now))
                .contains(Duration.ofSeconds(30));
        assertThat(RetryAfterFilter.parse(null, "soon", now)).isEmpty();
        assertThat(RetryAfterFilter.parse(null, null, now)).isEmpty();
    }

    @Test
    void aProviderMessageNeverCarriesAKey() {
        String body = "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-abc123def456ghi. See "
                + "https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\"}}";
        assertThat(Failures.providerMessage(body, "sk-proj-abc123def456ghi")).doesNotContain("abc123")
                .contains("Incorrect API key provided");
        assertThat(Failures.providerMessage(body, null)).doesNotContain("abc123");
        assertThat(Failures.providerMessage("<html>bad gateway</html>", null)).isNull();
    }
}
