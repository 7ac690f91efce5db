package ai.andy.chat.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.chat.ConversationDetail;
import ai.andy.chat.ConversationPage;
import ai.andy.chat.ConversationView;
import ai.andy.chat.PendingActionView;
import ai.andy.chat.TurnClaim;
import ai.andy.chat.service.ConversationService;
import ai.andy.chat.service.TurnService;
import ai.andy.chat.service.TurnStream;
import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.runtime.security.CurrentUser;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * The person's conversations with Andy. Sending a message answers with the turn as a {@code text/event-stream}:
 * {@code turn}, then {@code token}, {@code progress}, {@code action}, {@code error} as they happen, and {@code done}.
 * Every call is scoped to the signed-in person: another person's conversation is 404, as if it did not exist. A
 * message sent again with the same {@code Idempotency-Key} replays the answer it got instead of running again.
 */
@Path("/api/chat/conversations")
@RolesAllowed("user")
public class ConversationsResource {
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;

    private final ConversationService conversations;
    private final TurnService turns;
    private final CurrentUser me;
    private final ObjectMapper json;

    ConversationsResource(ConversationService conversations, TurnService turns, CurrentUser me, ObjectMapper json) {
        this.conversations = conversations;
        this.turns = turns;
        this.me = me;
        this.json = json;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Valid NewConversation request) {
        ConversationView created = conversations.create(me.id(), request == null ? null : request.title());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ConversationPage> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return conversations.list(me.id(), limit(limit), cursor);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ConversationDetail> get(@PathParam("id") String id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        UUID conversationId = id(id);
        return conversations.detail(me.id(), conversationId, limit(limit), cursor)
                .map(found -> found.orElseThrow(() -> notFound(conversationId)));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        UUID conversationId = id(id);
        return conversations.delete(me.id(), conversationId).map(deleted -> {
            if (!deleted) {
                throw notFound(conversationId);
            }
            return Response.noContent().build();
        });
    }

    @POST
    @Path("/{id}/messages")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> send(@PathParam("id") String id,
            @NotNull(message = "send a JSON body with the text") @Valid NewMessage message,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Context Sse sse) {
        UUID conversationId = id(id);
        String userId = me.id();
        String key = idempotencyKey(idempotencyKey);
        // Checked before the stream starts, so an unknown conversation is a plain 404 rather than a broken stream.
        if (!conversations.exists(userId, conversationId)) {
            throw notFound(conversationId);
        }
        if (key != null) {
            TurnClaim claim = conversations.claim(userId, key, conversationId);
            if (!claim.first()) {
                return replay(userId, conversationId, claim, sse);
            }
        }
        return Multi.createFrom().<OutboundSseEvent> emitter(emitter -> Infrastructure.getDefaultWorkerPool()
                .execute(() -> {
                    try {
                        TurnService.Answered answered = turns.run(userId, conversationId, message.text(),
                                new SseStream(emitter, sse));
                        if (key != null) {
                            conversations.answered(userId, key, answered);
                        }
                    } catch (RuntimeException | Error e) {
                        Log.errorf(e, "a turn in conversation %s failed", conversationId);
                        if (key != null) {
                            conversations.release(userId, key);
                        }
                        emitter.emit(event(sse, "error", Map.of("message",
                                "Andy could not finish this turn. Please try again.")));
                    } finally {
                        emitter.complete();
                    }
                }));
    }

    /** The same message sent again with its Idempotency-Key: the answer it got, without running the turn again. */
    private Multi<OutboundSseEvent> replay(String userId, UUID conversationId, TurnClaim claim, Sse sse) {
        if (!claim.conversationId().equals(conversationId)) {
            throw ProblemException.conflict("This Idempotency-Key was already used for a message in another "
                    + "conversation; use a new key for a new message.");
        }
        if (claim.answerId() == null) {
            throw ProblemException.conflict("The message sent with this Idempotency-Key is still being answered; "
                    + "its answer will appear in the conversation.");
        }
        var answer = conversations.message(userId, conversationId, claim.answerId()).orElseThrow(() -> ProblemException.conflict("The message sent "
                        + "with this Idempotency-Key was answered, but the answer is no longer kept."));
        return Multi.createFrom().items(
                event(sse, "turn", Map.of("conversationId", conversationId.toString(), "messageId",
                        String.valueOf(claim.questionId()))),
                event(sse, "token", Map.of("text", answer.text())),
                event(sse, "done", Map.of("messageId", answer.id().toString(), "text", answer.text())));
    }

    private static String idempotencyKey(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            throw ProblemException.badRequest("The Idempotency-Key header must be at most 200 characters.",
                    List.of(new Problem.FieldError("Idempotency-Key", "at most 200 characters")));
        }
        return value.trim();
    }

    /** A turn's events as SSE, each with a name and a JSON body. */
    private final class SseStream implements TurnStream {
        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private final Sse sse;

        SseStream(MultiEmitter<? super OutboundSseEvent> emitter, Sse sse) {
            this.emitter = emitter;
            this.sse = sse;
        }

        @Override
        public void started(UUID conversationId, UUID messageId) {
            emit("turn", Map.of("conversationId", conversationId.toString(), "messageId", messageId.toString()));
        }

        @Override
        public void token(String text) {
            emit("token", Map.of("text", text));
        }

        @Override
        public void progress(String text) {
            emit("progress", Map.of("text", text));
        }

        @Override
        public void pendingAction(PendingActionView action) {
            emit("action", action);
        }

        @Override
        public void error(String message) {
            emit("error", Map.of("message", message));
        }

        @Override
        public void done(UUID messageId, String text) {
            emit("done", Map.of("messageId", messageId.toString(), "text", text));
        }

        private void emit(String name, Object data) {
            if (!emitter.isCancelled()) {
                emitter.emit(event(sse, name, data));
            }
        }
    }

    private OutboundSseEvent event(Sse sse, String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, json.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a turn event", e);
        }
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_PAGE;
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("'limit' must be between 1 and " + MAX_PAGE + ".",
                    List.of(new Problem.FieldError("limit", "between 1 and " + MAX_PAGE)));
        }
        return limit;
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no conversation " + id + ".");
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("There is no conversation " + id + ".");
    }
}
