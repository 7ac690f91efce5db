package ai.andy.calendar.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.calendar.Task;
import ai.andy.calendar.TaskList;
import ai.andy.calendar.provider.local.DemoCalendar;
import ai.andy.calendar.repository.CalendarRepository;
import ai.andy.calendar.repository.IdempotencyRepository;
import ai.andy.calendar.repository.ReminderRepository;
import ai.andy.calendar.repository.TaskListRepository;
import ai.andy.calendar.repository.TaskRepository;
import ai.andy.events.Topics;
import ai.andy.events.payload.TaskChanged;
import ai.andy.runtime.crypto.Vault;
import ai.andy.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A person's tasks: list with filters, create, change, complete, delete; each change on {@code task.changed}. */
@ApplicationScoped
public class TaskService {
    private final TaskRepository tasks;
    private final TaskListRepository lists;
    private final CalendarRepository calendars;
    private final IdempotencyRepository idempotency;
    private final ReminderRepository reminders;
    private final Outbox outbox;
    private final Vault vault;

    TaskService(TaskRepository tasks, TaskListRepository lists, CalendarRepository calendars,
            IdempotencyRepository idempotency, ReminderRepository reminders, Outbox outbox, Vault vault) {
        this.tasks = tasks;
        this.lists = lists;
        this.calendars = calendars;
        this.idempotency = idempotency;
        this.reminders = reminders;
        this.outbox = outbox;
        this.vault = vault;
    }

    /** status: {@code open}, {@code done}, {@code overdue}, or null/{@code all}. */
    @WithSession
    public Uni<List<TaskView>> list(String userId, String status, Instant dueBefore) {
        if (status != null && !List.of("open", "done", "overdue", "all", "completed").contains(status)) {
            throw Problems.invalid("status", "status is open, done, overdue or all.");
        }
        String s = "completed".equals(status) ? "done" : "all".equals(status) ? null : status;
        Instant now = Instant.now();
        return zoneOf(userId).chain(zone -> tasks.list(userId, new TaskRepository.Filter(s, dueBefore, now))
                .map(found -> found.stream().map(t -> view(t, zone, false, now)).toList()));
    }

    @WithSession
    public Uni<TaskView> get(String userId, UUID id) {
        return owned(userId, id).chain(t -> zoneOf(userId).map(zone -> view(t, zone, true, Instant.now())));
    }

    @WithTransaction
    public Uni<TaskView> create(String userId, TaskRequest r, String idempotencyKey) {
        if (r.title() == null || r.title().isBlank()) {
            throw Problems.invalid("title", "Say what the task is (title).");
        }
        UUID id = UUID.randomUUID();
        Uni<Boolean> first = idempotencyKey == null ? Uni.createFrom().item(true)
                : idempotency.claim(userId, idempotencyKey, "task.create", id);
        return first.chain(isFirst -> {
            if (!isFirst) {
                return idempotency.earlier(userId, idempotencyKey).chain(prev -> get(userId, prev.resultId));
            }
            return lists.local(userId).chain(list -> {
                if (list == null) {
                    throw Problems.noCalendar("(local task list)");
                }
                Task t = new Task();
                t.id = id;
                t.userId = userId;
                t.listId = list.id;
                t.createdAt = Instant.now();
                return zoneOf(userId).chain(zone -> {
                    apply(t, r, zone);
                    return tasks.persist(t).chain(() -> announce(t, "created")).chain(() -> get(userId, id));
                });
            });
        });
    }

    @WithTransaction
    public Uni<TaskView> update(String userId, UUID id, TaskRequest r) {
        return owned(userId, id).chain(t -> zoneOf(userId).chain(zone -> {
            apply(t, r, zone);
            return reminders.unplan("task", t.id).chain(() -> announce(t, "updated")).chain(() -> get(userId, id));
        }));
    }

    @WithTransaction
    public Uni<TaskView> complete(String userId, UUID id) {
        return owned(userId, id).chain(t -> {
            if (!t.done()) {
                t.status = "done";
                t.completedAt = Instant.now();
                t.updatedAt = t.completedAt;
            }
            return reminders.unplan("task", t.id).chain(() -> announce(t, "completed")).chain(() -> get(userId, id));
        });
    }

    @WithTransaction
    public Uni<Void> delete(String userId, UUID id) {
        return owned(userId, id).chain(t -> reminders.unplan("task", t.id).chain(() -> announce(t, "deleted"))
                .chain(() -> tasks.delete(t)));
    }

    /** A demo task for a new person's list (not persisted here). */
    Task demo(String userId, TaskList list, DemoCalendar.Task d) {
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.userId = userId;
        t.listId = list.id;
        t.title = d.title();
        t.dueAt = d.due();
        t.dueHasTime = d.dueHasTime();
        t.priority = d.priority();
        t.status = d.done() ? "done" : "open";
        t.completedAt = d.done() ? Instant.now() : null;
        t.demo = true;
        t.createdAt = Instant.now();
        t.updatedAt = t.createdAt;
        seal(t, "Demo task: Andy made this up so there is something to try. Delete it any time.");
        return t;
    }

    private void apply(Task t, TaskRequest r, ZoneId zone) {
        if (r.title() != null) {
            if (r.title().isBlank()) {
                throw Problems.invalid("title", "A task's title cannot be empty.");
            }
            t.title = r.title().strip();
        }
        if (r.due() != null && r.dueDate() != null) {
            throw Problems.invalid("due", "Give either a due time (due) or a due day (dueDate), not both.");
        }
        if (Boolean.TRUE.equals(r.clearDue())) {
            t.dueAt = null;
            t.dueHasTime = false;
        } else if (r.due() != null) {
            t.dueAt = r.due().toInstant();
            t.dueHasTime = true;
        } else if (r.dueDate() != null) {
            t.dueAt = r.dueDate().plusDays(1).atStartOfDay(zone).toInstant();
            t.dueHasTime = false;
        }
        if (r.priority() != null) {
            t.priority = r.priority();
        }
        if (r.notes() != null) {
            seal(t, r.notes());
        }
        t.updatedAt = Instant.now();
    }

    private void seal(Task t, String notes) {
        if (notes.isBlank()) {
            t.notesSealed = null;
            t.notesKeyId = null;
            return;
        }
        Vault.Sealed sealed = vault.seal(notes, t.notesContext());
        t.notesSealed = sealed.ciphertext();
        t.notesKeyId = sealed.keyId();
    }

    private TaskView view(Task t, ZoneId zone, boolean withNotes, Instant now) {
        LocalDate dueDate = t.dueAt == null || t.dueHasTime ? null : t.dueAt.atZone(zone).toLocalDate().minusDays(1);
        boolean overdue = !t.done() && t.dueAt != null && t.dueAt.isBefore(now);
        String notes = withNotes && t.notesSealed != null ? vault.openString(t.notesSealed, t.notesContext()) : null;
        return new TaskView(t.id, t.listId, t.title, notes, t.dueAt, dueDate, t.dueHasTime, t.priority, t.status,
                overdue, t.completedAt, t.demo);
    }

    private Uni<Task> owned(String userId, UUID id) {
        return tasks.forUser(userId, id).invoke(t -> {
            if (t == null) {
                throw Problems.noTask(id.toString());
            }
        });
    }

    /** The person's zone as their local calendar keeps it (from sign-up); UTC when they have none. */
    private Uni<ZoneId> zoneOf(String userId) {
        return calendars.local(userId).map(c -> c == null ? ZoneId.of("UTC") : ZoneId.of(c.zone));
    }

    private Uni<Void> announce(Task t, String change) {
        return outbox.add(Topics.TASK_CHANGED, t.userId, new TaskChanged(t.listId.toString(), t.id.toString(), change,
                t.title, t.dueAt, t.status));
    }
}
