package ai.andy.chat.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ai.andy.events.intent.IntentDecoder;
import ai.andy.events.intent.IntentSpec;
import ai.andy.events.intent.Intents;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every intent the command table yields decodes into its typed params record ({@code ai.andy.events.intent}) with
 * no param lost: a name the record does not know would be dropped silently by the decoder, so the engine and the
 * contract would drift apart without this test noticing it in any other way.
 */
class TypedIntentsTest {

    private static final OfflineIntentEngine ENGINE = new OfflineIntentEngine();

    static Stream<CommandTableTest.Case> commands() throws IOException {
        return CommandTableTest.load().stream()
                .filter(c -> c.expected().has("intent") || c.expected().has("intents"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void decodesIntoTheContractRecords(CommandTableTest.Case c) {
        Interpretation result = ENGINE.interpret(c.text(), c.now(), c.people(), c.region());
        assertThat(result.intents()).isNotEmpty();
        for (Intent intent : result.intents()) {
            IntentSpec<?, ?> spec = Intents.find(intent.name()).orElse(null);
            assertThat(spec).as("registered intent " + intent.name()).isNotNull();
            assertThatCode(() -> IntentDecoder.decode(intent.params(), spec.params()))
                    .as(intent.name() + " " + intent.params()).doesNotThrowAnyException();
            Map<String, Object> kept = IntentDecoder.toMap(IntentDecoder.decode(intent.params(), spec.params()));
            assertThat(kept.keySet()).as("params " + intent.name() + " knows").containsAll(intent.params().keySet());
        }
    }
}
