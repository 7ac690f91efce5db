package ai.andy.voice.repository;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/** The service's code runs on worker threads (it waits on espeak-ng, sox and ElevenLabs), so it awaits its queries. */
final class Db {
    static final Duration WAIT = Duration.ofSeconds(10);

    static <T> T await(Uni<T> query) {
        return query.await().atMost(WAIT);
    }

    private Db() {
    }
}
