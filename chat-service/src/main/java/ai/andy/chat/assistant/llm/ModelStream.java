package ai.andy.chat.assistant.llm;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;

/**
 * One streamed model call, driven from the calling (worker) thread: the HTTP client's callbacks only queue what
 * arrives, and the caller hands text to {@code tokens} in order, on its own thread. A silence longer than the timeout
 * ends the call (the stream is cancelled and anything arriving later is ignored).
 *
 * <p>A stream the client cannot assemble ends the call at once, as {@link UnreadableStream}, instead of waiting out
 * the timeout: tool-call pieces of two calls that interleave (some OpenAI-compatible servers stream parallel calls
 * so) either go back to an earlier call's index, or make langchain4j fail inside the HTTP client, where the error is
 * dropped. In the second case the only sign is that nothing follows a completed tool call, where langchain4j always
 * goes straight on to the next call's piece or to the complete response.
 */
final class ModelStream {

    sealed interface Result permits Completed, Failed {
    }

    /** The stream ended; whether the answer is complete is for the caller to judge (finish reason, arguments). */
    record Completed(ChatResponse response) implements Result {
    }

    /**
     * The call failed. {@code receivedAny}: some of the answer (text or tool call) had arrived, so this is a cut-off
     * stream rather than a failed request. {@code tokensShown}: text was handed on and the person saw it.
     */
    record Failed(Throwable error, boolean receivedAny, boolean tokensShown, boolean timedOut) implements Result {
    }

    /** The stream arrived in a form this client cannot assemble into an answer. */
    static final class UnreadableStream extends RuntimeException {
        UnreadableStream(String why) {
            super(why);
        }
    }

    private record Token(String text) {
    }

    private record Done(ChatResponse response) {
    }

    private record Error(Throwable error) {
    }

    private static final Object TOOL_CALL_PART = new Object();
    private static final Object TOOL_CALL_DONE = new Object();
    /** How long a completed tool call may stand alone before the stream counts as unreadable. */
    private static final Duration AFTER_TOOL_CALL = Duration.ofSeconds(2);

    private ModelStream() {
    }

    static Result run(StreamingChatModel model, ChatRequest request, Duration idleTimeout, Consumer<String> tokens) {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        AtomicBoolean over = new AtomicBoolean();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        AtomicInteger lastIndex = new AtomicInteger(-1);
        StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                if (!over.get() && text != null && !text.isEmpty()) {
                    events.add(new Token(text));
                }
            }

            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                if (context != null) {
                    handle.compareAndSet(null, context.streamingHandle());
                }
                onPartialResponse(partial.text());
            }

            @Override
            public void onPartialToolCall(PartialToolCall partial) {
                if (partial.index() < lastIndex.getAndAccumulate(partial.index(), Math::max)
                        && over.compareAndSet(false, true)) {
                    events.add(new Error(new UnreadableStream("the pieces of two tool calls interleave")));
                } else if (!over.get()) {
                    events.add(TOOL_CALL_PART);
                }
            }

            @Override
            public void onCompleteToolCall(CompleteToolCall complete) {
                if (!over.get()) {
                    events.add(TOOL_CALL_DONE);
                }
            }

            @Override
            public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext context) {
                if (context != null) {
                    handle.compareAndSet(null, context.streamingHandle());
                }
                onPartialToolCall(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                if (over.compareAndSet(false, true)) {
                    events.add(new Done(response));
                }
            }

            @Override
            public void onError(Throwable error) {
                if (over.compareAndSet(false, true)) {
                    events.add(new Error(error));
                }
            }
        };

        try {
            model.chat(request, handler);
        } catch (RuntimeException e) {
            return new Failed(e, false, false, false);
        }
        boolean receivedAny = false;
        boolean shown = false;
        boolean toolCallDone = false;
        while (true) {
            Object event;
            Duration wait = toolCallDone && AFTER_TOOL_CALL.compareTo(idleTimeout) < 0 ? AFTER_TOOL_CALL : idleTimeout;
            try {
                event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(over, handle);
                return new Failed(e, receivedAny, shown, false);
            }
            if (event == null && toolCallDone) {
                stop(over, handle);
                return new Failed(new UnreadableStream("nothing followed a completed tool call"), true, shown, false);
            }
            toolCallDone = event == TOOL_CALL_DONE;
            if (event == null) {
                stop(over, handle);
                // Whatever the stream delivered meanwhile is dropped with it.
                return new Failed(new TimeoutException("no data for " + idleTimeout), receivedAny, shown, true);
            }
            if (event instanceof Token token) {
                receivedAny = true;
                shown = true;
                try {
                    tokens.accept(token.text());
                } catch (RuntimeException e) {
                    stop(over, handle); // nobody to tell any more: stop paying for the rest
                    throw e;
                }
            } else if (event == TOOL_CALL_PART || event == TOOL_CALL_DONE) {
                receivedAny = true;
            } else if (event instanceof Done done) {
                return new Completed(done.response());
            } else if (event instanceof Error error) {
                if (error.error() instanceof UnreadableStream) {
                    stop(over, handle); // nothing more of it can be used
                }
                return new Failed(error.error(), receivedAny, shown, false);
            }
        }
    }

    private static void stop(AtomicBoolean over, AtomicReference<StreamingHandle> handle) {
        over.set(true);
        StreamingHandle h = handle.get();
        if (h != null) {
            try {
                h.cancel();
            } catch (RuntimeException ignored) {
                // The stream is abandoned either way.
            }
        }
    }
}
