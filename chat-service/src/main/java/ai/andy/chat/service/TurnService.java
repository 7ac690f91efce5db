package ai.andy.chat.service;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.chat.MessageView;
import ai.andy.chat.PendingActionView;
import ai.andy.chat.assistant.IntentRunner;
import ai.andy.chat.assistant.Turn;
import ai.andy.chat.client.MailPeopleDirectory;
import ai.andy.chat.client.PersonProfiles;
import ai.andy.chat.config.ChatConfig;
import ai.andy.chat.repository.ConversationStore;
import ai.andy.chat.repository.PendingActionStore;
import ai.andy.chat.service.IntentBus;
import ai.andy.chat.service.TurnMirror;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Runs one chat turn: stores what the person said, lets the active assistant answer through the confirmation gate,
 * streams every event to the caller and to the person's other clients, and stores the answer. Blocking: runs on a
 * worker thread, one per turn in progress.
 */
@ApplicationScoped
public class TurnService {
    private static final Duration DB = Duration.ofSeconds(10);
    private static final int HISTORY = 20;

    private final ConversationStore conversations;
    private final PendingActionStore actions;
    private final IntentBus bus;
    private final TurnMirror mirror;
    private final PersonProfiles profiles;
    private final MailPeopleDirectory people;
    private final Assistants assistants;
    private final Duration intentTimeout;
    private final Duration actionTtl;

    TurnService(ConversationStore conversations, PendingActionStore actions, IntentBus bus, TurnMirror mirror,
            PersonProfiles profiles, MailPeopleDirectory people, Assistants assistants, ChatConfig config) {
        this.conversations = conversations;
        this.actions = actions;
        this.bus = bus;
        this.mirror = mirror;
        this.profiles = profiles;
        this.people = people;
        this.assistants = assistants;
        this.intentTimeout = config.intentTimeout();
        this.actionTtl = config.actionTtl();
    }

    /** The person's message and Andy's answer, as stored. */
    public record Answered(UUID questionId, UUID answerId) {
    }

    public Answered run(String userId, UUID conversationId, String text, TurnStream caller) {
        PersonProfiles.Settings settings = profiles.of(userId);
        // The history the turn builds on (what came before this message) is read while the message is stored.
        var stored = Uni.combine().all().unis(
                conversations.recentMessages(userId, conversationId, HISTORY),
                conversations.append(userId, conversationId, "user", text, settings.retention()))
                .asTuple().await().atMost(DB);
        Optional<MessageView> asked = stored.getItem2();
        if (asked.isEmpty()) {
            throw ProblemException.notFound("There is no conversation " + conversationId + ".");
        }
        Recorder out = new Recorder(List.of(caller, mirror.forTurn(userId, conversationId)));
        out.started(conversationId, asked.get().id());

        List<Turn.HistoryMessage> history = new ArrayList<>();
        for (MessageView m : stored.getItem1()) {
            if (!m.id().equals(asked.get().id())) {
                history.add(new Turn.HistoryMessage(m.role(), m.text()));
            }
        }
        Turn turn = new Turn(userId, conversationId, history, text, ZonedDateTime.now(settings.zone()),
                people.forUser(userId));
        IntentRunner gate = new GatedIntentRunner(userId, conversationId, settings.zone(), bus, actions,
                intentTimeout, actionTtl);
        try {
            assistants.activeFor(userId).respond(turn, gate, out);
        } catch (RuntimeException e) {
            Log.errorf(e, "a turn in conversation %s failed", conversationId);
            out.error("Something went wrong on Andy's side; nothing was sent or changed. Please try again.");
        }
        String answer = out.answer();
        MessageView answered = conversations.append(userId, conversationId, "assistant", answer,
                settings.retention()).await().atMost(DB)
                .orElseGet(() -> new MessageView(UUID.randomUUID(), "assistant", answer, null));
        out.done(answered.id(), answer);
        return new Answered(asked.get().id(), answered.id());
    }

    /** Fans the events out and keeps the answer: the tokens, or the errors when nothing else was said. */
    private static final class Recorder implements TurnStream {
        private final List<TurnStream> targets;
        private final StringBuilder tokens = new StringBuilder();
        private final StringBuilder errors = new StringBuilder();

        Recorder(List<TurnStream> targets) {
            this.targets = targets;
        }

        String answer() {
            return tokens.isEmpty() ? errors.toString().strip() : tokens.toString();
        }

        @Override
        public void started(UUID conversationId, UUID messageId) {
            targets.forEach(t -> t.started(conversationId, messageId));
        }

        @Override
        public synchronized void token(String text) {
            tokens.append(text);
            targets.forEach(t -> t.token(text));
        }

        @Override
        public void progress(String text) {
            targets.forEach(t -> t.progress(text));
        }

        @Override
        public void pendingAction(PendingActionView action) {
            targets.forEach(t -> t.pendingAction(action));
        }

        @Override
        public synchronized void error(String message) {
            errors.append(message).append('\n');
            targets.forEach(t -> t.error(message));
        }

        @Override
        public void done(UUID messageId, String text) {
            targets.forEach(t -> t.done(messageId, text));
        }
    }
}
