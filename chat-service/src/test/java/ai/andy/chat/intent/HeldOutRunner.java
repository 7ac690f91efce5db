package ai.andy.chat.intent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the offline engine over a held-out command file (bench/offline-engine) and prints one JSON line per case with
 * what the engine made of it; bench/offline-engine/judge.py scores the lines. Not a test: the held-out set is kept out
 * of the grammar's development, so nothing here asserts on it.
 */
public final class HeldOutRunner {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(Files.readString(Path.of(args[0])));
        JsonNode defaults = root.get("defaults");
        OfflineIntentEngine engine = new OfflineIntentEngine();
        int index = 0;
        for (JsonNode c : root.get("cases")) {
            String now = field(c, defaults, "now");
            ZoneId zone = ZoneId.of(field(c, defaults, "zone"));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("index", index++);
            try {
                Interpretation result = engine.interpret(c.get("text").asText(),
                        LocalDateTime.parse(now).atZone(zone), InMemoryPeopleDirectory.standard(),
                        field(c, defaults, "region"));
                line.put("result", result.toMap());
            } catch (RuntimeException e) {
                line.put("error", e.toString());
            }
            System.out.println(json.writeValueAsString(line));
        }
    }

    private static String field(JsonNode c, JsonNode defaults, String name) {
        return c.hasNonNull(name) ? c.get(name).asText() : defaults.get(name).asText();
    }
}
