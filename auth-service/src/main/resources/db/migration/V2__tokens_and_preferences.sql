-- Keys that sign access tokens. A key is published in the JWKS until retire_at, signs tokens once it is older than
-- the signing grace (so every instance has cached it first), and is deleted a day after retirement.
create table signing_key (
    kid         varchar(64) primary key,
    private_key text        not null,
    public_jwk  text        not null,
    created_at  timestamptz not null,
    retire_at   timestamptz
);

-- Refresh tokens, stored as SHA-256 hashes. Each login starts a family; every refresh uses one token and adds the
-- next. A token used twice means it was copied: the whole family is revoked.
create table refresh_token (
    id         uuid        primary key,
    family_id  uuid        not null,
    user_id    varchar(64) not null references app_user (id) on delete cascade,
    token_hash varchar(64) not null unique,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_user on refresh_token (user_id);

alter table app_user
    add column working_hours_start time        not null default '09:00',
    add column working_hours_end   time        not null default '17:00',
    add column working_days        varchar(64) not null default 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY',
    add column chat_retention_days integer     not null default 30;
