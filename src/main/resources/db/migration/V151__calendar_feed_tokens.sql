-- Issue 9 "After approval", reminders: each user's personal calendar feed (iCalendar) is read by calendar apps with no
-- session; its address carries a token, which is the credential. The token itself is never stored: only its sha-256
-- (tokens are 256 random bits, so a fast hash is enough). A user has at most one token in use; a new one revokes it.
create table calendar_token (
    id            bigserial    primary key,
    user_id       varchar(100) not null,
    token_sha256  varchar(64)  not null unique,
    created_at    timestamptz  not null,
    revoked_at    timestamptz
);
create unique index calendar_token_in_use_idx on calendar_token (user_id) where revoked_at is null;
