package ai.andy.telephony.service;

import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The bridge from blocking code (REST on worker threads, the Twilio SDK) to Hibernate Reactive, which must run on a
 * Vert.x context: each call runs its work there and waits for the result. Never call it from inside another call.
 */
final class Db {
    private Db() {
    }

    static <T> T read(Supplier<Uni<T>> work) {
        return await(() -> Panache.withSession(work));
    }

    static <T> T write(Supplier<Uni<T>> work) {
        return await(() -> Panache.withTransaction(work));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
