package ai.andy.email.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import ai.andy.email.ProviderException;
import ai.andy.email.api.AccountView;
import ai.andy.email.api.MessagePage;
import ai.andy.email.api.MessageView;
import ai.andy.email.api.ReplyRequest;
import ai.andy.email.api.SendRequest;
import ai.andy.email.api.UpdateRequest;
import ai.andy.email.service.MailService.ListParams;
import ai.andy.events.intent.IntentDecoder;
import ai.andy.events.intent.InvalidIntentException;
import ai.andy.events.intent.PersonRef;
import ai.andy.events.intent.email.EmailList;
import ai.andy.events.intent.email.EmailMessage;
import ai.andy.events.intent.email.EmailMessages;
import ai.andy.events.intent.email.EmailRead;
import ai.andy.events.intent.email.EmailReply;
import ai.andy.events.intent.email.EmailSend;
import ai.andy.events.intent.email.EmailUpdate;
import ai.andy.events.payload.ChatIntent;
import ai.andy.events.payload.IntentResult;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.logging.Log;

/**
 * Carries out chat's {@code email.*} intents, decoded into their records, for one person. Side-effecting intents only
 * arrive after the person confirmed them (chat-service's gate); the request id doubles as the Idempotency-Key, so a
 * redelivered send does not send twice. Whatever goes wrong becomes an answer ({@code rejected} or {@code failed})
 * the chat can tell the person. Blocking (provider calls): run on a worker thread.
 */
@ApplicationScoped
public class EmailIntents {
    static final String NOT_READY = "Your mailbox is still being set up; ask again in a moment.";
    private static final int DEFAULT_LIST_LIMIT = 10;

    private final MailService mail;
    private final Validator validator;

    EmailIntents(MailService mail, Validator validator) {
        this.mail = mail;
        this.validator = validator;
    }

    /** @param params the intent's params as its registered record ({@link IntentDecoder#params(ChatIntent)}) */
    public IntentResult answer(String userId, ChatIntent intent, Object params) {
        try {
            if (!mailboxReady(userId)) {
                // Never "you have no unread emails" about a mailbox that does not exist yet or is still being filled.
                return IntentResult.rejected(intent, NOT_READY);
            }
            Object result;
            if (params instanceof EmailList list) {
                result = list(userId, list);
            } else if (params instanceof EmailRead read) {
                result = new EmailMessage(IntentViews.of(mail.get(userId,
                        resolve(userId, read.messageId(), read.reference(), read.from(), read.query()))));
            } else if (params instanceof EmailSend send) {
                result = new EmailMessage(IntentViews.of(mail.send(userId, valid(new SendRequest(null,
                        addresses("to", send.to()), addresses("cc", send.cc()), null, send.subject(), send.body())),
                        intent.requestId()).message()));
            } else if (params instanceof EmailReply reply) {
                result = new EmailMessage(IntentViews.of(mail.reply(userId,
                        resolve(userId, reply.messageId(), reply.reference(), reply.from(), reply.query()),
                        valid(new ReplyRequest(reply.body(), reply.replyAll())), intent.requestId()).message()));
            } else if (params instanceof EmailUpdate update) {
                result = update(userId, update);
            } else {
                return IntentResult.rejected(intent, "Andy's mail service does not know '" + intent.intent()
                        + "'. It can list, read, send, reply to and update email.");
            }
            return IntentResult.ok(intent, IntentDecoder.toMap(result));
        } catch (ProblemException | InvalidIntentException | IllegalArgumentException e) {
            return IntentResult.rejected(intent, e.getMessage());
        } catch (ProviderException e) {
            return IntentResult.failed(intent, ProviderFailures.detail(e));
        } catch (RuntimeException e) {
            Log.errorf(e, "intent %s (%s) failed", intent.requestId(), intent.intent());
            return IntentResult.failed(intent, "Andy's mail service failed to do this; nothing was changed.");
        }
    }

    /** A person's mailbox is ready once it exists and one of their mailboxes has finished a first sync. */
    private boolean mailboxReady(String userId) {
        List<AccountView> accounts = mail.accounts(userId);
        return accounts.stream().anyMatch(a -> a.sync().lastSyncedAt() != null);
    }

    private EmailMessages list(String userId, EmailList p) {
        MessagePage page = mail.list(userId, new ListParams(p.unreadOnly(), instant(p.since()), instant(p.until()),
                p.from(), p.query(), p.label(), null,
                p.limit() == null ? DEFAULT_LIST_LIMIT : Math.min(p.limit(), MailService.MAX_LIMIT), null));
        List<ai.andy.events.intent.email.EmailMessageView> messages =
                page.messages().stream().map(IntentViews::of).toList();
        return new EmailMessages(messages, messages.size(), page.nextCursor() != null);
    }

    private EmailMessages update(String userId, EmailUpdate p) {
        List<String> ids = p.messageIds();
        if (ids == null || ids.isEmpty()) {
            ids = List.of(resolve(userId, null, p.reference(), p.from(), p.query()).toString());
        }
        UpdateRequest change = valid(new UpdateRequest(p.unread(), p.archive(), p.addLabels(), p.removeLabels()));
        List<ai.andy.events.intent.email.EmailMessageView> updated = new ArrayList<>();
        for (String id : ids) {
            updated.add(IntentViews.of(mail.update(userId, uuid(id), change)));
        }
        return new EmailMessages(updated, updated.size(), null);
    }

    /** A message named by id, or by reference: the newest one matching {@code from} and/or {@code query}. */
    private UUID resolve(String userId, String id, String reference, String from, String query) {
        if (id != null && !id.isBlank()) {
            return uuid(id);
        }
        if (from == null && query == null && reference == null) {
            throw new InvalidIntentException("messageId", "is missing: say which email, or who it is from.");
        }
        MessagePage newest = mail.list(userId, new ListParams(null, null, null, from, query, null, null, 1, null));
        if (newest.messages().isEmpty()) {
            throw new IllegalArgumentException("No email matches" + (from == null ? "" : " from " + from) + ".");
        }
        return newest.messages().get(0).id();
    }

    /** Recipients must have an address by now: chat resolves names before it asks. */
    private static List<String> addresses(String field, List<PersonRef> people) {
        List<String> addresses = new ArrayList<>();
        for (PersonRef person : people) {
            if (person.address() == null) {
                throw new InvalidIntentException(field, "names " + person.display()
                        + " without an email address; say which address to use.");
            }
            addresses.add(person.address());
        }
        return addresses;
    }

    private <T> T valid(T request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.iterator().next();
            throw new IllegalArgumentException("'" + first.getPropertyPath() + "' " + first.getMessage() + ".");
        }
        return request;
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidIntentException("messageId", "is not a message id: " + id + ".");
        }
    }

    /** A message as an intent's result carries it: the fields of {@link MessageView}, so chat reads the same JSON. */
    private static final class IntentViews {
        static ai.andy.events.intent.email.EmailMessageView of(MessageView m) {
            return new ai.andy.events.intent.email.EmailMessageView(m.id().toString(), m.accountId().toString(),
                    m.provider(), m.threadId(), address(m.from()), m.to().stream().map(IntentViews::address).toList(),
                    m.cc().stream().map(IntentViews::address).toList(), m.subject(), m.snippet(), m.receivedAt(),
                    m.unread(), m.labels(), m.hasAttachments(), m.deliveryNote(), m.demo(),
                    m.body() == null ? null
                            : new ai.andy.events.intent.email.EmailMessageView.Body(m.body().text(), m.body().html()));
        }

        private static ai.andy.events.intent.email.EmailMessageView.Address address(ai.andy.email.EmailAddress a) {
            return a == null ? null : new ai.andy.events.intent.email.EmailMessageView.Address(a.name(), a.address());
        }
    }
}
