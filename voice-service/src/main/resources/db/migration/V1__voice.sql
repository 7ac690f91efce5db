-- Renderings, content-addressed: content_key = sha256(user, engine, voice, model, format, text). The text itself is
-- not kept; the audio is sealed with the vault key (it speaks the person's words).
create table speech_rendering (
    id           uuid primary key,
    content_key  text not null unique,
    user_id      text not null,
    voice_id     text not null,
    format       text not null,
    media_type   text not null,
    audio        bytea not null,
    size_bytes   integer not null,
    characters   integer not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz not null default now()
);
create index speech_rendering_user on speech_rendering (user_id);
create index speech_rendering_voice on speech_rendering (voice_id);
create index speech_rendering_lru on speech_rendering (last_used_at);

-- Characters rendered per person and UTC day, for the daily budget.
create table speech_budget (
    user_id    text not null,
    day        date not null,
    characters integer not null,
    primary key (user_id, day)
);

-- A consent statement generated for the person, and their recording of it (both sealed).
create table voice_consent (
    id                uuid primary key,
    user_id           text not null,
    statement         bytea not null,
    speaker_name      bytea not null,
    purpose           text not null,
    created_at        timestamptz not null,
    created_session   text,
    recording         bytea,
    recording_type    text,
    recording_seconds numeric(8, 2),
    recorded_at       timestamptz,
    recorded_session  text,
    samples           text,
    revoked_at        timestamptz
);
create index voice_consent_user on voice_consent (user_id);

-- A clone at the provider, made from one consent.
create table voice_clone (
    id                uuid primary key,
    user_id           text not null,
    consent_id        uuid not null unique references voice_consent (id),
    provider          text not null,
    provider_voice_id text not null,
    name              bytea not null,
    created_at        timestamptz not null
);
create index voice_clone_user on voice_clone (user_id);
