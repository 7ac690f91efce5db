-- The transactional outbox (ai.andy.runtime.outbox). Shipped by libs/andy-runtime for every service with a database.
create table outbox_event (
    id           uuid         primary key,
    topic        varchar(200) not null,
    user_id      varchar(64)  not null,
    payload      text         not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (created_at, id) where published_at is null;
