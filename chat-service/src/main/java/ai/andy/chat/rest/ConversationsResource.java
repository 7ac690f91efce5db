package ai.andy.chat.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

import ai.andy.chat.api.ConversationDetail;
import ai.andy.chat.api.ConversationPage;
import ai.andy.chat.api.ConversationView;
import ai.andy.chat.api.NewConversation;
import ai.andy.chat.api.NewMessage;
import ai.andy.chat.conversation.ConversationStore;
import ai.andy.chat.conversation.PageCursor;
import ai.andy.chat.people.PersonProfiles;
import ai.andy.chat.turn.PendingActionView;
import ai.andy.chat.turn.TurnService;
import ai.andy.chat.turn.TurnStream;
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
 * Every call is scoped to the signed-in person: another person's conversation is 404, as if it did not exist.
 */
@Path("/api/chat/conversations")
@RolesAllowed("user")
public class ConversationsResource {
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;

    private final ConversationStore conversations;
    private final TurnService turns;
    private final PersonProfiles profiles;
    private final CurrentUser me;
    private final ObjectMapper json;

    ConversationsResource(ConversationStore conversations, TurnService turns, PersonProfiles profiles, CurrentUser me,
            ObjectMapper json) {
        this.conversations = conversations;
        this.turns = turns;
        this.profiles = profiles;
        this.me = me;
        this.json = json;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Valid NewConversation request) {
        Duration retention = profiles.of(me.id()).retention();
        ConversationView created = conversations.create(me.id(), request == null ? null : request.title(), retention)
                .await().atMost(Duration.ofSeconds(10));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ConversationPage> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return conversations.list(me.id(), limit(limit), PageCursor.decode(cursor));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ConversationDetail> get(@PathParam("id") String id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        UUID conversationId = id(id);
        return conversations.detail(me.id(), conversationId, limit(limit), PageCursor.decode(cursor))
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
            @NotNull(message = "send a JSON body with the text") @Valid NewMessage message, @Context Sse sse) {
        UUID conversationId = id(id);
        String userId = me.id();
        // Checked before the stream starts, so an unknown conversation is a plain 404 rather than a broken stream.
        if (conversations.find(userId, conversationId).await().atMost(Duration.ofSeconds(10)).isEmpty()) {
            throw notFound(conversationId);
        }
        return Multi.createFrom().<OutboundSseEvent> emitter(emitter -> Infrastructure.getDefaultWorkerPool()
                .execute(() -> {
                    try {
                        turns.run(userId, conversationId, message.text(), new SseStream(emitter, sse));
                    } catch (RuntimeException | Error e) {
                        Log.errorf(e, "a turn in conversation %s failed", conversationId);
                        emitter.emit(event(sse, "error", Map.of("message",
                                "Andy could not finish this turn. Please try again.")));
                    } finally {
                        emitter.complete();
                    }
                }));
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
