package ai.andy.chat.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ambiguous commands get one question and no intents; commands not understood get the help answer. */
class ClarificationAndHelpTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-25T10:00:00-05:00[America/New_York]");
    private final OfflineIntentEngine engine = new OfflineIntentEngine();
    private final PeopleDirectory people = InMemoryPeopleDirectory.standard();

    private Interpretation interpret(String text) {
        return engine.interpret(text, NOW, people);
    }

    @Test
    void twoPeopleWithTheNameAreAskedAboutByAddress() {
        Interpretation r = interpret("email Sarah saying the deck is ready");
        assertThat(r.intents()).isEmpty();
        assertThat(r.clarification()).isEqualTo("Which Sarah: sarah.chen@example.com or sarah.o@example.org?");
    }

    @Test
    void aFirstNameSharedWithSomeoneWithoutANumberIsAsked() {
        // Only Sarah Chen has a phone number, but "text Sarah" may mean Sarah O'Neil: texting the other Sarah would
        // be a wrong action (held-out measurement, issue 19), so Andy asks; the full name needs no question.
        Interpretation r = interpret("text Sarah I'm here");
        assertThat(r.intents()).isEmpty();
        assertThat(r.clarification()).isEqualTo("Which Sarah: Sarah Chen or Sarah O'Neil?");
        assertThat(interpret("text Sarah Chen I'm here").intents()).singleElement().satisfies(i -> assertThat(
                i.params()).containsEntry("to", Map.of("name", "Sarah Chen", "phone", "+14155550101")));
    }

    @Test
    void threeCandidatesAreListedWithTheirNumbers() {
        PeopleDirectory alexes = new InMemoryPeopleDirectory(List.of(
                new Person("Alex Kim", "alex.kim@example.com", "+1 212 555 0100"),
                new Person("Alex Ruiz", "alex.ruiz@example.com", "+1 212 555 0111"),
                new Person("Alex Wu", "alex.wu@example.com", "+1 212 555 0122")));
        Interpretation r = engine.interpret("call Alex", NOW, alexes);
        assertThat(r.clarification()).isEqualTo("Which Alex: +12125550100, +12125550111 or +12125550122?");
    }

    @Test
    void aNameNobodyKnowsIsKeptWithoutAnAddress() {
        Interpretation r = interpret("email Zoe saying welcome aboard");
        assertThat(r.intents()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("email.send");
            assertThat(i.params()).containsEntry("to", List.of(Map.of("name", "Zoe")));
        });
    }

    @Test
    void missingPiecesAreAskedForInsteadOfGuessed() {
        assertThat(interpret("text Bob").clarification()).isEqualTo("What should the text to Bob say?");
        assertThat(interpret("schedule a meeting").clarification()).isEqualTo("When should it be?");
        assertThat(interpret("schedule a meeting with Bob on Friday").clarification())
                .isEqualTo("What time on Friday, November 27?");
        assertThat(interpret("email Bob").clarification()).isEqualTo("What should the email to Bob say?");
        assertThat(interpret("reply to Marcus").clarification()).isEqualTo("What should the reply to Marcus say?");
        assertThat(interpret("remind me").clarification()).isEqualTo("What should I remind you about?");
        assertThat(interpret("move the standup").clarification()).isEqualTo("When should it move to?");
        assertThat(interpret("text mom and Bob that dinner is ready").clarification())
                .isEqualTo("I can text one person at a time. Who should get this text?");
        assertThat(interpret("remind me every day to stretch").clarification())
                .isEqualTo("I can't set repeating reminders yet. When should I remind you, just once?");
        assertThat(interpret("schedule review at 9am today").clarification())
                .isEqualTo("9:00 AM on Wednesday, November 25 has already passed. When should it be?");
    }

    @Test
    void aClarificationNeverCarriesIntents() {
        for (String text : List.of("text Bob", "schedule a meeting", "email Sarah saying hi", "cancel it", "say")) {
            Interpretation r = interpret(text);
            assertThat(r.intents()).as(text).isEmpty();
            assertThat(r.clarification()).as(text).isNotBlank();
            assertThat(r.help()).as(text).isNull();
        }
    }

    @Test
    void whatItDoesNotUnderstandGetsWhatAndyCanDo() {
        for (String text : List.of("what's the weather like?", "tell me a joke", "asdf", "", "   ", "!!!")) {
            Interpretation r = interpret(text);
            assertThat(r.intents()).as(text).isEmpty();
            assertThat(r.clarification()).as(text).isNull();
            assertThat(r.understood()).as(text).isFalse();
            assertThat(r.help()).as(text).isEqualTo(OfflineIntentEngine.HELP);
        }
        assertThat(OfflineIntentEngine.HELP).contains("email", "calendar", "tasks", "texts", "calls", "voice");
    }

    @Test
    void answersInTheInterpretFormat() {
        Map<String, Object> answer = interpret("text Bob that I'm late").toMap();
        assertThat(answer).containsEntry("clarification", null).doesNotContainKey("help");
        assertThat(answer.get("intents")).isEqualTo(List.of(Map.of("intent", "sms.send", "params",
                Map.of("to", Map.of("name", "Bob", "phone", "+15551234567"), "body", "I'm late"))));
        assertThat(interpret("text Bob").toMap()).containsEntry("intents", List.of())
                .containsEntry("clarification", "What should the text to Bob say?");
    }

    @Test
    void typographicQuotesAndApostrophesAreRead() {
        Interpretation r = interpret("text mom \u201Ccall me\u201D");
        assertThat(r.intents().get(0).params()).containsEntry("body", "call me");
        Interpretation late = interpret("text Bob that I\u2019m late");
        assertThat(late.intents().get(0).params()).containsEntry("body", "I'm late");
    }
}
