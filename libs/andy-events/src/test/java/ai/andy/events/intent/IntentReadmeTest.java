package ai.andy.events.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The README's intent table is the registry's: a new or changed intent fails here until the table says so. */
class IntentReadmeTest {
    private static final String START = "<!-- intent table: generated from Intents.ALL, checked by IntentReadmeTest -->";
    private static final String END = "<!-- end of intent table -->";

    @Test
    void readmeTableMatchesTheRegistry() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0, "README.md marks its intent table with " + START);
        assertTrue(end > start, "README.md ends its intent table with " + END);
        String table = readme.substring(start + START.length(), end).strip();
        assertEquals(expected(), table, "README.md's intent table; replace it with the expected text");
    }

    static String expected() {
        return "| intent | params | result | confirmed first | answered on |\n"
                + "|---|---|---|---|---|\n"
                + Intents.ALL.stream().map(spec -> "| `" + spec.name() + "` | `" + spec.params().getSimpleName()
                        + "` | `" + spec.result().getSimpleName() + "` | "
                        + spec.confirmation().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " | `"
                        + spec.resultTopic() + "` |").collect(Collectors.joining("\n"));
    }
}
