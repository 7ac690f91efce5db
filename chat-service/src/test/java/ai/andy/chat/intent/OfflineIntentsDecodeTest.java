package ai.andy.chat.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.andy.events.intent.IntentDecoder;
import ai.andy.events.intent.IntentSpec;
import ai.andy.events.intent.Intents;

/**
 * What the offline engine yields for every command of the table ({@code intent/commands.json}) is an intent of the
 * registry in {@code libs/andy-events} whose params decode into its record: the owning service reads what the engine
 * writes, and chat's confirmation gate decides on the same record.
 */
class OfflineIntentsDecodeTest {
    private static final OfflineIntentEngine ENGINE = new OfflineIntentEngine();

    @Test
    void everyIntentTheCommandTableYieldsDecodesIntoItsParamsRecord() throws IOException {
        List<String> decoded = new ArrayList<>();
        for (CommandTableTest.Case c : CommandTableTest.load()) {
            Interpretation result = ENGINE.interpret(c.text(), c.now(), c.people(), c.region());
            for (Intent intent : result.intents()) {
                IntentSpec<?, ?> spec = Intents.find(intent.name()).orElse(null);
                assertThat(spec).as("%s: %s is in the registry", c, intent.name()).isNotNull();
                assertThatCode(() -> IntentDecoder.decode(intent.params(), spec.params()))
                        .as("%s: %s %s", c, intent.name(), intent.params()).doesNotThrowAnyException();
                decoded.add(intent.name());
            }
        }
        assertThat(decoded).as("intents checked").hasSizeGreaterThanOrEqualTo(100);
        assertThat(decoded).containsAll(List.of("email.list", "email.read", "email.send", "email.reply",
                "email.update", "calendar.list", "calendar.create", "calendar.update", "calendar.cancel",
                "calendar.findSlot", "task.create", "task.list", "task.complete", "sms.send", "call.place",
                "voice.speak"));
    }
}
