package ai.andy.email.repository;

import java.time.Duration;
import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * Blocking access to the reactive repositories, for code that already blocks on a provider SDK (sync, send, push
 * renewal) and so runs on worker threads: REST methods with blocking signatures, the sync pool, scheduled jobs, and
 * the intent consumer's worker. It refuses to run on an event loop, so a mistake fails at once instead of stalling
 * every request on that loop.
 */
public final class Db {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Db() {
    }

    /** Panache work in a session (Hibernate Reactive needs a Vert.x context: this gives it one). */
    public static <T> T read(Supplier<Uni<T>> work) {
        return onContext(() -> Panache.withSession(work));
    }

    /** Panache work in a transaction. */
    public static <T> T write(Supplier<Uni<T>> work) {
        return onContext(() -> Panache.withTransaction(work));
    }

    /** A reactive SQL client call, waited for. */
    public static <T> T await(Uni<T> work) {
        refuseEventLoop();
        return work.await().atMost(WAIT);
    }

    private static <T> T onContext(Supplier<Uni<T>> work) {
        refuseEventLoop();
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refuseEventLoop() {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("blocking database call on an event loop: run it on a worker thread");
        }
    }
}
