-- A person's calendars and task lists. Today only the built-in local ones ('local'), where Andy is the store; a
-- connected Google or Microsoft account will add rows of its own provider.
create table calendar (
    id         uuid         primary key,
    user_id    varchar(64)  not null,
    provider   varchar(16)  not null check (provider in ('local', 'google', 'microsoft')),
    name       varchar(200) not null,
    zone       varchar(64)  not null,
    demo       boolean      not null default false,
    created_at timestamptz  not null default now()
);
create index calendar_user on calendar (user_id);

-- One row per single event, per recurring series (its master, with rrule), and per exception of a series
-- (series_id + original_start: a moved instance, or a cancelled one with status 'cancelled').
-- Timed events: start_at/end_at as instants plus the IANA zone they were made in (a series repeats in that zone's
-- local time). All-day events: start_date/end_date (end exclusive), and start_at/end_at at the zone's midnights so
-- a window query finds them. The description is personal text: sealed with the service's vault key.
create table calendar_event (
    id                 uuid         primary key,
    user_id            varchar(64)  not null,
    calendar_id        uuid         not null references calendar (id) on delete cascade,
    title              varchar(500) not null,
    location           varchar(500),
    description_sealed bytea,
    description_key_id integer,
    start_at           timestamptz  not null,
    end_at             timestamptz  not null,
    zone               varchar(64)  not null,
    all_day            boolean      not null default false,
    start_date         date,
    end_date           date,
    rrule              varchar(500),
    -- For a series: the end of its last occurrence, or null when it repeats forever.
    series_until       timestamptz,
    series_id          uuid         references calendar_event (id) on delete cascade,
    original_start     timestamptz,
    status             varchar(16)  not null default 'confirmed' check (status in ('confirmed', 'cancelled')),
    -- Attendees as JSON [{"name":..., "address":...}]
    attendees          text         not null default '[]',
    reminder_minutes   integer,
    demo               boolean      not null default false,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    unique (series_id, original_start)
);
create index calendar_event_user_time on calendar_event (user_id, start_at, end_at);
create index calendar_event_series on calendar_event (series_id) where series_id is not null;

create table task_list (
    id         uuid         primary key,
    user_id    varchar(64)  not null,
    provider   varchar(16)  not null check (provider in ('local', 'google', 'microsoft')),
    name       varchar(200) not null,
    demo       boolean      not null default false,
    created_at timestamptz  not null default now()
);
create index task_list_user on task_list (user_id);

-- due_at is an instant; due_has_time false means a due date only (due_at is then that day's end in the person's
-- zone, which is when it becomes overdue). Notes are sealed like event descriptions.
create table task (
    id           uuid         primary key,
    user_id      varchar(64)  not null,
    list_id      uuid         not null references task_list (id) on delete cascade,
    title        varchar(500) not null,
    notes_sealed bytea,
    notes_key_id integer,
    due_at       timestamptz,
    due_has_time boolean      not null default false,
    priority     varchar(8)   not null default 'normal' check (priority in ('low', 'normal', 'high')),
    status       varchar(8)   not null default 'open' check (status in ('open', 'done')),
    completed_at timestamptz,
    demo         boolean      not null default false,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now()
);
create index task_user on task (user_id, status, due_at);

-- Requests with an Idempotency-Key: a retried POST answers with the first result instead of acting again.
create table idempotent_request (
    user_id         varchar(64)  not null,
    idempotency_key varchar(200) not null,
    operation       varchar(32)  not null,
    result_id       uuid         not null,
    created_at      timestamptz  not null default now(),
    primary key (user_id, idempotency_key)
);

-- Reminders, durable: a planner writes one row per event occurrence or task due time ahead of time; a firer claims
-- due rows with FOR UPDATE SKIP LOCKED, so each fires once however many instances run, and after a restart.
create table reminder (
    id               uuid        primary key,
    user_id          varchar(64) not null,
    kind             varchar(8)  not null check (kind in ('event', 'task')),
    item_id          uuid        not null,
    occurrence_start timestamptz not null,
    fire_at          timestamptz not null,
    fired_at         timestamptz,
    outcome          varchar(8)  check (outcome in ('sent', 'stale')),
    unique (kind, item_id, occurrence_start)
);
create index reminder_due on reminder (fire_at) where fired_at is null;
create index reminder_user on reminder (user_id);
