package ai.andy.chat.service;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.assistant.Turn;
import ai.andy.chat.assistant.llm.LanguageModelAssistant;
import ai.andy.chat.assistant.llm.ModelException;
import ai.andy.chat.client.MailPeopleDirectory;
import ai.andy.chat.client.PersonProfiles;
import ai.andy.chat.intent.Intent;
import ai.andy.chat.intent.Interpretation;
import ai.andy.chat.intent.PeopleDirectory;
import ai.andy.runtime.problem.ProblemException;

/**
 * What a message would make Andy do, without doing it: the language model's proposed tool calls when one answers
 * this person, otherwise the offline engine's reading. Names resolve against the people they have exchanged mail with.
 */
@ApplicationScoped
public class InterpretService {
    private final Assistants assistants;
    private final MailPeopleDirectory people;
    private final PersonProfiles profiles;

    InterpretService(Assistants assistants, MailPeopleDirectory people, PersonProfiles profiles) {
        this.assistants = assistants;
        this.people = people;
        this.profiles = profiles;
    }

    /** The person's own time zone, from their profile. Blocking. */
    public ZoneId zoneOf(String userId) {
        return profiles.of(userId).zone();
    }

    /** The interpret format: {@code intents}, or a {@code clarification}, or {@code help}. Blocking. */
    public Map<String, Object> interpret(String userId, String text, ZonedDateTime now) {
        PeopleDirectory directory = people.forUser(userId);
        LanguageModelAssistant model = assistants.model();
        if (!model.configuredFor(userId)) {
            return assistants.offline().engine().interpret(text, now, directory).toMap();
        }
        try {
            List<Intent> intents = model.interpret(new Turn(userId, null, List.of(), text, now, directory));
            return new Interpretation(intents, null, null).toMap();
        } catch (ModelException e) {
            throw switch (e.kind()) {
                case BUDGET -> new ProblemException(429, "Model budget used up", e.getMessage());
                case RATE_LIMITED, UNAVAILABLE, TIMEOUT -> new ProblemException(503, "Model unavailable",
                        e.getMessage()).header("Retry-After", "30");
                default -> new ProblemException(502, "Model failed", e.getMessage());
            };
        }
    }
}
