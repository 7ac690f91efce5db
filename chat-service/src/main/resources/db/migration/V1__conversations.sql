-- Conversations, their messages and the actions waiting for the person's confirmation. Everything a person said or
-- Andy answered is sealed with the service's vault (AES-256-GCM, key id stored with each ciphertext, bound to the
-- row's id), and kept only for the person's retention period.

create table conversation (
    id           uuid        primary key,
    user_id      varchar(64) not null,
    title_sealed bytea,
    title_key_id integer,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    -- When its newest message expires; the retention job removes the conversation after that.
    expires_at   timestamptz not null
);
create index conversation_by_user on conversation (user_id, updated_at desc, id desc);

-- Partitioned by the month in which messages expire, so the retention job drops whole months of expired messages at
-- once (a cheap catalog change, no vacuum) and deletes row by row only within the month that is expiring now.
-- Partitions are created on first use (ai.andy.chat.conversation.MessagePartitions).
create table chat_message (
    id              uuid        not null,
    conversation_id uuid        not null,
    user_id         varchar(64) not null,
    role            varchar(16) not null check (role in ('user', 'assistant')),
    text_sealed     bytea       not null,
    key_id          integer     not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    primary key (id, expires_at)
) partition by range (expires_at);
create index chat_message_by_conversation on chat_message (conversation_id, created_at desc, id desc);
create index chat_message_by_user on chat_message (user_id);

create table pending_action (
    id              uuid        primary key,
    user_id         varchar(64) not null,
    conversation_id uuid,
    intent          varchar(64) not null,
    -- {params, summary, outcome} as JSON, sealed: recipients and texts are personal data.
    content_sealed  bytea       not null,
    key_id          integer     not null,
    status          varchar(16) not null default 'pending'
        check (status in ('pending', 'confirmed', 'executed', 'failed', 'rejected', 'expired')),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    decided_at      timestamptz
);
create index pending_action_by_user on pending_action (user_id, status, created_at desc);
