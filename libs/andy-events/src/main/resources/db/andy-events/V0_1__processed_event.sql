-- Event ids each consumer has applied (see ai.andy.events.ProcessedEvents). Shipped by libs/andy-events so every
-- service's database has it; version 0.x sorts before the services' own migrations.
create table processed_event (
    consumer     varchar(200) not null,
    event_id     varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
create index processed_event_processed_at on processed_event (processed_at);
