-- Phone numbers, texts, calls and voicemails. Numbers, bodies, purposes, recording URLs and transcripts are sealed
-- with the service's vault key (AES-256-GCM, bound to owner, row and purpose); look-ups by number use a keyed hash.

-- The key of the keyed hash of phone numbers, itself sealed by the vault: generated once, shared by every replica.
create table hash_key (
    name       text primary key,
    sealed     bytea not null,
    created_at timestamptz not null default now()
);

-- Andy's numbers for a person, at most one per carrier: what callers and texters reach (Twilio or simulated).
create table phone_line (
    id            uuid primary key,
    user_id       text not null,
    carrier       text not null,
    number_hash   text not null unique,
    number_sealed bytea not null,
    created_at    timestamptz not null,
    unique (user_id, carrier)
);

create table sms_message (
    id              uuid primary key,
    user_id         text not null,
    direction       text not null,
    carrier         text not null,
    provider_sid    text unique,
    peer_hash       text not null,
    peer_sealed     bytea not null,
    body_sealed     bytea not null,
    status          text not null,
    status_rank     int not null,
    error_code      int,
    price           numeric(12, 5),
    price_unit      text,
    idempotency_key text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (user_id, idempotency_key)
);
create index sms_message_thread on sms_message (user_id, peer_hash, created_at desc, id desc);
create index sms_message_user on sms_message (user_id, created_at desc, id desc);

create table call_record (
    id               uuid primary key,
    user_id          text not null,
    direction        text not null,
    carrier          text not null,
    provider_sid     text unique,
    peer_hash        text not null,
    peer_sealed      bytea not null,
    purpose_sealed   bytea,
    status           text not null,
    status_rank      int not null,
    error_code       int,
    duration_seconds int,
    idempotency_key  text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    unique (user_id, idempotency_key)
);
create index call_record_user on call_record (user_id, created_at desc, id desc);

create table voicemail (
    id                   uuid primary key,
    user_id              text not null,
    call_id              uuid not null references call_record (id) on delete cascade,
    recording_sid        text not null unique,
    recording_url_sealed bytea not null,
    duration_seconds     int,
    transcript_sealed    bytea,
    transcript_status    text not null,
    created_at           timestamptz not null
);
create index voicemail_user on voicemail (user_id, created_at desc, id desc);

-- STOP / START from a number to the person's line: while opted out, Andy sends that number nothing.
create table opt_out (
    user_id    text not null,
    peer_hash  text not null,
    opted_out  boolean not null,
    updated_at timestamptz not null,
    primary key (user_id, peer_hash)
);

-- Webhooks already acted on (SID + what happened): a replay changes nothing.
create table webhook_receipt (
    sid         text not null,
    event       text not null,
    received_at timestamptz not null,
    primary key (sid, event)
);
