package ai.andy.email.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.email.ProviderException;
import ai.andy.email.api.MessagePage;
import ai.andy.email.api.MessageView;
import ai.andy.email.api.ReplyRequest;
import ai.andy.email.api.SendRequest;
import ai.andy.email.api.UpdateRequest;
import ai.andy.email.service.MailService.ListParams;
import ai.andy.events.payload.ChatIntent;
import ai.andy.events.payload.IntentResult;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.logging.Log;

/**
 * Carries out chat's {@code email.*} intents for one person. Side-effecting intents only arrive after the person
 * confirmed them (chat-service's gate); the request id doubles as the Idempotency-Key, so a redelivered send does not
 * send twice. Whatever goes wrong becomes an answer ({@code rejected} or {@code failed}) the chat can tell the person.
 * Blocking (provider calls): run on a worker thread.
 */
@ApplicationScoped
public class EmailIntents {
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final MailService mail;
    private final ObjectMapper json;
    private final Validator validator;

    EmailIntents(MailService mail, ObjectMapper json, Validator validator) {
        this.mail = mail;
        this.json = json;
        this.validator = validator;
    }

    public IntentResult answer(String userId, ChatIntent intent) {
        Params p = new Params(intent.params());
        try {
            return switch (intent.intent()) {
                case "email.list" -> IntentResult.ok(intent, list(userId, p));
                case "email.read" -> IntentResult.ok(intent, Map.of("message", map(mail.get(userId,
                        resolve(userId, p)))));
                case "email.send" -> IntentResult.ok(intent, Map.of("message", map(mail.send(userId,
                        valid(new SendRequest(p.string("account"), p.strings("to"), p.strings("cc"), p.strings("bcc"),
                                p.string("subject"), p.string("body"))), intent.requestId()).message())));
                case "email.reply" -> IntentResult.ok(intent, Map.of("message", map(mail.reply(userId,
                        resolve(userId, p), valid(new ReplyRequest(p.string("body"), p.bool("replyAll"))),
                        intent.requestId()).message())));
                case "email.update" -> IntentResult.ok(intent, update(userId, p));
                default -> IntentResult.rejected(intent, "Andy's mail service does not know '" + intent.intent()
                        + "'. It can list, read, send, reply to and update email.");
            };
        } catch (ProblemException e) {
            return IntentResult.rejected(intent, e.getMessage());
        } catch (ProviderException e) {
            return IntentResult.failed(intent, ProviderFailures.detail(e));
        } catch (IllegalArgumentException e) {
            return IntentResult.rejected(intent, e.getMessage());
        } catch (RuntimeException e) {
            Log.errorf(e, "intent %s (%s) failed", intent.requestId(), intent.intent());
            return IntentResult.failed(intent, "Andy's mail service failed to do this; nothing was changed.");
        }
    }

    private Map<String, Object> list(String userId, Params p) {
        MessagePage page = mail.list(userId, new ListParams(p.bool("unreadOnly"), p.instant("since"),
                p.instant("until"), p.string("from"), p.string("query"), p.string("label"), null,
                p.integer("limit") == null ? 10 : Math.min(p.integer("limit"), MailService.MAX_LIMIT), null));
        List<Object> messages = new ArrayList<>();
        page.messages().forEach(m -> messages.add(map(m)));
        return Map.of("messages", messages, "count", messages.size(), "more", page.nextCursor() != null);
    }

    private Map<String, Object> update(String userId, Params p) {
        List<String> ids = p.strings("messageIds");
        if (ids == null || ids.isEmpty()) {
            UUID one = resolve(userId, p);
            ids = List.of(one.toString());
        }
        UpdateRequest change = valid(new UpdateRequest(p.bool("unread"), p.bool("archive"), p.strings("addLabels"),
                p.strings("removeLabels")));
        List<Object> updated = new ArrayList<>();
        for (String id : ids) {
            updated.add(map(mail.update(userId, uuid(id), change)));
        }
        return Map.of("messages", updated, "count", updated.size());
    }

    /** A message named by id, or by reference: the newest one matching {@code from} and/or {@code query}. */
    private UUID resolve(String userId, Params p) {
        String id = p.string("messageId");
        if (id != null) {
            return uuid(id);
        }
        String from = p.string("from");
        String query = p.string("query");
        if (from == null && query == null && p.string("reference") == null) {
            throw new IllegalArgumentException("Say which email: give a messageId, or who it is from.");
        }
        MessagePage newest = mail.list(userId, new ListParams(null, null, null, from, query, null, null, 1, null));
        if (newest.messages().isEmpty()) {
            throw new IllegalArgumentException("No email matches" + (from == null ? "" : " from " + from) + ".");
        }
        return newest.messages().get(0).id();
    }

    private <T> T valid(T request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.iterator().next();
            throw new IllegalArgumentException("'" + first.getPropertyPath() + "' " + first.getMessage() + ".");
        }
        return request;
    }

    private Map<String, Object> map(MessageView view) {
        return json.convertValue(view, JSON_OBJECT);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + id + "' is not a message id.");
        }
    }

    /** Lenient reading of intent parameters: the model or the offline engine produced them. */
    private record Params(Map<String, Object> raw) {
        String string(String name) {
            Object v = raw.get(name);
            return v == null || v.toString().isBlank() ? null : v.toString();
        }

        Boolean bool(String name) {
            Object v = raw.get(name);
            return v == null ? null : v instanceof Boolean b ? b : Boolean.valueOf(v.toString());
        }

        Integer integer(String name) {
            Object v = raw.get(name);
            if (v == null) {
                return null;
            }
            try {
                return v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + name + "' must be a number.");
            }
        }

        java.time.Instant instant(String name) {
            String v = string(name);
            return v == null ? null : Instants.parse(name, v);
        }

        List<String> strings(String name) {
            Object v = raw.get(name);
            if (v == null) {
                return null;
            }
            List<?> list = v instanceof List<?> l ? l : List.of(v);
            // People come as plain addresses or as {"name": "Sarah", "address": "sarah@example.com"}.
            return list.stream().map(item -> item instanceof Map<?, ?> person && person.get("address") != null
                    ? person.get("address").toString() : String.valueOf(item)).toList();
        }
    }
}
