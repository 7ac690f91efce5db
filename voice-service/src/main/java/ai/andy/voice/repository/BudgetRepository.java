package ai.andy.voice.repository;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Characters rendered per person and UTC day. Charging is one statement, so two instances cannot both overspend. */
@ApplicationScoped
public class BudgetRepository {
    private final Pool db;

    BudgetRepository(Pool db) {
        this.db = db;
    }

    /** Adds {@code characters} to the day's count if the total stays within {@code limit}; false (no change) if not. */
    public boolean charge(String userId, LocalDate day, int characters, int limit) {
        if (characters > limit) {
            return false;
        }
        return Db.await(db.preparedQuery("insert into speech_budget (user_id, day, characters) values ($1, $2, $3) "
                + "on conflict (user_id, day) do update set characters = speech_budget.characters + excluded.characters "
                + "where speech_budget.characters + excluded.characters <= $4")
                .execute(Tuple.of(userId, day, characters, limit))).rowCount() == 1;
    }

    /** Gives characters back when a rendering failed after they were charged. */
    public void refund(String userId, LocalDate day, int characters) {
        Db.await(db.preparedQuery("update speech_budget set characters = greatest(0, characters - $3) "
                + "where user_id = $1 and day = $2").execute(Tuple.of(userId, day, characters)));
    }

    public int used(String userId, LocalDate day) {
        var rows = Db.await(db.preparedQuery("select characters from speech_budget where user_id = $1 and day = $2")
                .execute(Tuple.of(userId, day)));
        return rows.size() == 0 ? 0 : rows.iterator().next().getInteger("characters");
    }

    public void deleteUser(String userId) {
        Db.await(db.preparedQuery("delete from speech_budget where user_id = $1").execute(Tuple.of(userId)));
    }
}
