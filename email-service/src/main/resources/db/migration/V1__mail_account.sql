-- One row per mailbox a person has in Andy: the built-in local mailbox, and later each connected Gmail or Outlook
-- account. Metadata only; message bodies are never stored for provider accounts.
create table mail_account (
    id           uuid         primary key,
    user_id      varchar(64)  not null,
    provider     varchar(16)  not null check (provider in ('local', 'gmail', 'outlook')),
    address      varchar(320) not null,
    display_name varchar(200),
    created_at   timestamptz  not null default now(),
    unique (user_id, provider, address)
);
create index mail_account_user on mail_account (user_id);
