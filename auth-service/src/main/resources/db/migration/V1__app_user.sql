-- People who use Andy. The password is kept only as a bcrypt hash.
create table app_user (
    id            varchar(64)  primary key,
    email         varchar(320) not null,
    display_name  varchar(100) not null,
    timezone      varchar(64)  not null,
    password_hash varchar(100) not null,
    created_at    timestamptz  not null default now()
);
-- Addresses are compared case-insensitively: Ada@Example.org and ada@example.org are one person.
create unique index app_user_email on app_user (lower(email));
