-- Sync state of each mailbox, and the metadata of its messages. Bodies of provider mail are never stored: they are
-- fetched on demand and cached in Redis for at most an hour. Only the local mailbox, where Andy is the mail store,
-- keeps bodies, sealed with the service's vault key (AES-256-GCM, key id stored with each ciphertext).
alter table mail_account
    add column connection_id   uuid,
    add column status          varchar(16) not null default 'active'
        check (status in ('active', 'needs_reauth', 'revoked')),
    add column sync_phase      varchar(16) not null default 'idle'
        check (sync_phase in ('idle', 'initial', 'incremental', 'failed')),
    add column sync_done       integer     not null default 0,
    add column sync_total      integer,
    add column sync_cursor     text,
    add column sync_error      varchar(200),
    add column last_synced_at  timestamptz,
    add column push_id         varchar(200),
    add column push_secret     varchar(100),
    add column push_expires_at timestamptz;
create unique index mail_account_connection on mail_account (connection_id) where connection_id is not null;

create table mail_message (
    id               uuid         primary key,
    account_id       uuid         not null references mail_account (id) on delete cascade,
    user_id          varchar(64)  not null,
    provider_id      varchar(255) not null,
    thread_id        varchar(255),
    from_name        varchar(320),
    from_address     varchar(320),
    -- Recipients one per line as "name<TAB>address"; labels as ",LABEL,LABEL," so a label filter is one LIKE.
    to_addresses     text         not null default '',
    cc_addresses     text         not null default '',
    subject          text,
    snippet          varchar(400),
    received_at      timestamptz  not null,
    unread           boolean      not null default false,
    labels           text         not null default ',',
    has_attachments  boolean      not null default false,
    -- Local mailbox only: the sealed body (JSON {text, html}) and, for mail to outside addresses, why it did not go.
    body_sealed      bytea,
    body_key_id      integer,
    delivery_note    varchar(100),
    demo             boolean      not null default false,
    unique (account_id, provider_id)
);
-- Newest first per person, with (received_at, id) as the cursor.
create index mail_message_user_received on mail_message (user_id, received_at desc, id desc);

-- Sends with an Idempotency-Key: a retried POST answers with the first result instead of sending again.
create table sent_request (
    user_id         varchar(64)  not null,
    idempotency_key varchar(200) not null,
    message_id      uuid         not null,
    created_at      timestamptz  not null default now(),
    primary key (user_id, idempotency_key)
);
