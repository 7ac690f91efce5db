package ai.andy.chat.people;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.andy.chat.intent.PeopleDirectory;
import ai.andy.chat.intent.Person;
import io.quarkus.logging.Log;

/**
 * Resolves the names in a command against the people the person has exchanged mail with (email-service). When
 * email-service cannot answer, names stay unresolved rather than failing the turn: the confirmation step then shows
 * a name without an address, which the person can correct.
 */
@ApplicationScoped
public class MailPeopleDirectory {
    private final InternalApis.Email email;
    private final ServiceToken token;

    MailPeopleDirectory(@RestClient InternalApis.Email email, ServiceToken token) {
        this.email = email;
        this.token = token;
    }

    public PeopleDirectory forUser(String userId) {
        return name -> {
            try {
                return email.people(token.header(), userId, name).stream()
                        .map(c -> new Person(c.name() == null ? name : c.name(), c.address(), null))
                        .toList();
            } catch (WebApplicationException | ProcessingException e) {
                if (e instanceof WebApplicationException refused && refused.getResponse().getStatus() == 401) {
                    token.forget();
                }
                Log.warnf("could not resolve a name with email-service: %s", e.getClass().getSimpleName());
                return List.of();
            } catch (RuntimeException e) {
                Log.warnf("could not resolve a name with email-service: %s", e.getClass().getSimpleName());
                return List.of();
            }
        };
    }
}
