-- A turn sent with an Idempotency-Key: a retried POST (a dropped connection, a double tap) replays the stored answer
-- instead of running the turn, and its intents, a second time. Kept for a day.
create table turn_request (
    user_id         varchar(64)  not null,
    idempotency_key varchar(200) not null,
    conversation_id uuid         not null,
    question_id     uuid,
    answer_id       uuid,
    created_at      timestamptz  not null default now(),
    primary key (user_id, idempotency_key)
);
create index turn_request_by_age on turn_request (created_at);
