-- Issue 11 "Integrations": machines authenticate as service accounts with API tokens, never with a person's password.
create table service_account (
    id          bigserial    primary key,
    name        varchar(64)  not null unique,
    description varchar(500),
    -- Camunda group ids the account acts with (its requests pass the same checks as a member's)
    groups      jsonb        not null,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null
);

create table api_token (
    id                 bigserial    primary key,
    service_account_id bigint       not null references service_account (id),
    name               varchar(100) not null,
    -- the token itself is never stored: only its sha-256 (tokens are 256 random bits, so a fast hash is enough)
    token_sha256       char(64)     not null unique,
    -- the first characters, shown so a person can tell tokens apart
    token_prefix       varchar(16)  not null,
    scopes             jsonb        not null,
    expires_at         timestamptz  not null,
    revoked_at         timestamptz,
    revoked_by         varchar(100),
    last_used_at       timestamptz,
    created_by         varchar(100) not null,
    created_at         timestamptz  not null
);
create index api_token_account_idx on api_token (service_account_id);
