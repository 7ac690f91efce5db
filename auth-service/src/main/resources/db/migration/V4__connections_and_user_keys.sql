-- Accounts a person connected at Google or Microsoft. Tokens are sealed by the vault, bound to person + connection +
-- provider; only auth-service ever opens them. version guards concurrent refreshes (optimistic check).
create table connection (
    id                uuid         primary key,
    user_id           varchar(64)  not null references app_user (id) on delete cascade,
    provider          varchar(16)  not null check (provider in ('google', 'microsoft')),
    account           varchar(320) not null,
    scopes            text         not null,
    status            varchar(16)  not null check (status in ('active', 'needs_reauth', 'revoked')),
    access_token      bytea        not null,
    refresh_token     bytea,
    vault_key_id      integer      not null,
    access_expires_at timestamptz  not null,
    last_refreshed_at timestamptz  not null,
    created_at        timestamptz  not null,
    version           bigint       not null default 0,
    unique (user_id, provider, account)
);
create index connection_user on connection (user_id);

-- A person's own provider credentials (OpenAI, ElevenLabs, Twilio), sealed by the vault; write-only through the API.
create table user_key (
    user_id      varchar(64) not null references app_user (id) on delete cascade,
    kind         varchar(16) not null check (kind in ('openai', 'elevenlabs', 'twilio')),
    secret       bytea       not null,
    last4        varchar(4)  not null,
    vault_key_id integer     not null,
    updated_at   timestamptz not null,
    primary key (user_id, kind)
);
