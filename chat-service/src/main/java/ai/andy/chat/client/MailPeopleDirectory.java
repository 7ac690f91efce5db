package ai.andy.chat.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.intent.PeopleDirectory;
import io.quarkus.logging.Log;

/**
 * Resolves the names in a command against the people the person has exchanged mail with (email-service). When
 * email-service cannot answer, names stay unresolved rather than failing the turn: the confirmation step then shows
 * a name without an address, which the person can correct.
 */
@ApplicationScoped
public class MailPeopleDirectory {
    private final EmailClient email;

    MailPeopleDirectory(EmailClient email) {
        this.email = email;
    }

    public PeopleDirectory forUser(String userId) {
        return name -> {
            try {
                return email.people(userId, name);
            } catch (RuntimeException e) {
                Log.warnf("could not resolve a name with email-service: %s", e.getClass().getSimpleName());
                return List.of();
            }
        };
    }
}
