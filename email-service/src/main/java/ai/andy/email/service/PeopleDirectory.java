package ai.andy.email.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.email.api.Correspondent;
import ai.andy.email.repository.MessageRepository;
import io.smallrye.mutiny.Uni;

/** The people a person has exchanged mail with, by name: how chat turns "email Sarah" into an address. */
@ApplicationScoped
public class PeopleDirectory {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MessageRepository messages;

    PeopleDirectory(MessageRepository messages) {
        this.messages = messages;
    }

    /** Most frequent first; only {@code userId}'s own mail is searched. Non-blocking. */
    public Uni<List<Correspondent>> matching(String userId, String name, int limit) {
        return messages.correspondents(userId, name, limit)
                .map(found -> found.stream().map(c -> new Correspondent(c.name(), c.address(), c.messages())).toList())
                .ifNoItem().after(WAIT).fail();
    }
}
