package ai.andy.chat.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command table ({@code intent/commands.json}): each everyday command, at a fixed "now" in a given zone, with the
 * exact intent and params (or the exact question, or the help answer) a person should get.
 */
class CommandTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OfflineIntentEngine ENGINE = new OfflineIntentEngine();

    record Case(String text, ZonedDateTime now, String region, PeopleDirectory people, JsonNode expected) {
        @Override
        public String toString() {
            return text + " @ " + now;
        }
    }

    static Stream<Arguments> commands() throws IOException {
        return load().stream().map(c -> Arguments.of(c));
    }

    static List<Case> load() throws IOException {
        JsonNode root;
        try (InputStream in = CommandTableTest.class.getResourceAsStream("/intent/commands.json")) {
            root = JSON.readTree(in);
        }
        JsonNode defaults = root.get("defaults");
        Map<String, PeopleDirectory> directories = new LinkedHashMap<>();
        directories.put("standard", InMemoryPeopleDirectory.standard());
        root.get("directories").fields().forEachRemaining(e -> {
            List<Person> people = new ArrayList<>();
            e.getValue().forEach(p -> people.add(new Person(p.get("name").asText(),
                    p.hasNonNull("email") ? p.get("email").asText() : null,
                    p.hasNonNull("phone") ? p.get("phone").asText() : null)));
            directories.put(e.getKey(), new InMemoryPeopleDirectory(people));
        });
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : root.get("commands")) {
            String now = text(c, defaults, "now");
            ZoneId zone = ZoneId.of(text(c, defaults, "zone"));
            cases.add(new Case(c.get("text").asText(), LocalDateTime.parse(now).atZone(zone),
                    text(c, defaults, "region"), directories.get(text(c, defaults, "people")), c));
        }
        return cases;
    }

    private static String text(JsonNode c, JsonNode defaults, String field) {
        return c.hasNonNull(field) ? c.get(field).asText() : defaults.get(field).asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void interprets(Case c) {
        Interpretation result = ENGINE.interpret(c.text(), c.now(), c.people(), c.region());
        JsonNode expected = c.expected();
        if (expected.has("intent") || expected.has("intents")) {
            assertThat(result.clarification()).as("clarification").isNull();
            assertThat(result.help()).as("help").isNull();
            List<JsonNode> wanted = new ArrayList<>();
            if (expected.has("intents")) {
                expected.get("intents").forEach(wanted::add);
            } else {
                wanted.add(expected);
            }
            assertThat(result.intents()).hasSize(wanted.size());
            for (int i = 0; i < wanted.size(); i++) {
                Intent intent = result.intents().get(i);
                assertThat(intent.name()).isEqualTo(wanted.get(i).get("intent").asText());
                Map<String, Object> params = JSON.convertValue(wanted.get(i).get("params"), Map.class);
                // Compared as JSON, the way the interpret endpoint returns them.
                JsonNode actualParams = JSON.valueToTree(new TreeMap<>(intent.params()));
                JsonNode expectedParams = JSON.valueToTree(new TreeMap<>(params));
                assertThat(actualParams.toString()).as("params of " + intent.name()).isEqualTo(expectedParams.toString());
            }
        } else if (expected.has("clarification")) {
            assertThat(result.intents()).isEmpty();
            assertThat(result.clarification()).isEqualTo(expected.get("clarification").asText());
        } else {
            assertThat(result.intents()).isEmpty();
            assertThat(result.clarification()).isNull();
            assertThat(result.help()).isEqualTo(OfflineIntentEngine.HELP);
        }
    }

    @Test
    void tableCoversEveryIntentWithAtLeastAHundredCommands() throws IOException {
        List<Case> cases = load();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        Map<String, Integer> perIntent = new TreeMap<>();
        cases.forEach(c -> {
            if (c.expected().has("intent")) {
                perIntent.merge(c.expected().get("intent").asText(), 1, Integer::sum);
            }
            c.expected().path("intents").forEach(i -> perIntent.merge(i.get("intent").asText(), 1, Integer::sum));
        });
        assertThat(perIntent.keySet()).containsExactlyInAnyOrder("email.list", "email.read", "email.send",
                "email.reply", "email.update", "calendar.list", "calendar.create", "calendar.update",
                "calendar.cancel", "calendar.findSlot", "task.create", "task.list", "task.complete", "sms.send",
                "call.place", "voice.speak", "sms.list", "call.list");
        assertThat(cases.stream().filter(c -> c.expected().has("intents"))).as("messages with several requests")
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(cases.stream().map(c -> c.now().getZone().getId()).distinct())
                .contains("Europe/Paris", "Pacific/Auckland");
    }
}
