-- Issue 11 "Integrations": signed webhooks to subscribers. A subscription says where and which events; each event is
-- written once (its body fixed when it happened), and one delivery per (subscription, event) in the transaction of the
-- change that caused it, so nothing is lost when the app dies; deliveries are sent later and every attempt is logged.
create table webhook_subscription (
    id              bigserial     primary key,
    url             varchar(2000) not null,
    description     varchar(500),
    event_types     jsonb         not null,
    enabled         boolean       not null,
    -- why it was switched off by Pactum (the receiver answered 410 Gone); null when an admin switched it
    disabled_reason varchar(500),
    -- the signing secret, AES-256-GCM under a document key (pactum.documents.*): the secret must be read back to sign
    secret_key_id   varchar(100)  not null,
    secret_nonce    bytea         not null,
    secret_sealed   bytea         not null,
    created_by      varchar(100)  not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0
);

create table webhook_event (
    -- sent as X-Pactum-Event-Id; a receiver de-duplicates by it
    id          uuid         primary key,
    type        varchar(50)  not null,
    contract_id bigint,
    occurred_at timestamptz  not null,
    -- the exact JSON body every delivery of this event sends
    payload     text         not null,
    -- events found by a scan rather than caused by a change (contract.expiring): one per contract and end date, even
    -- when several nodes scan
    dedupe_key  varchar(200) unique
);

create table webhook_delivery (
    id              bigserial    primary key,
    subscription_id bigint       not null references webhook_subscription (id) on delete cascade,
    event_id        uuid         not null references webhook_event (id),
    -- PENDING (waiting for its next attempt), DELIVERED, FAILED (no attempt left, or refused by the receiver)
    status          varchar(20)  not null,
    -- attempts since the delivery was made or last replayed (the back-off counts these); every attempt is logged
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    -- set while one node sends it; a node that died mid-call leaves it to be taken again once next_attempt_at passes
    claimed_by      uuid,
    last_http_status int,
    last_error      varchar(1000),
    delivered_at    timestamptz,
    created_at      timestamptz  not null,
    constraint webhook_delivery_once unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_event on webhook_delivery (event_id);

create table webhook_attempt (
    id               bigserial    primary key,
    delivery_id      bigint       not null references webhook_delivery (id) on delete cascade,
    attempt          int          not null,
    started_at       timestamptz  not null,
    duration_ms      int          not null,
    http_status      int,
    -- DELIVERED, RETRY (will be tried again), FAILED (given up or refused), GONE (410: subscription switched off)
    outcome          varchar(20)  not null,
    response_snippet varchar(500),
    error            varchar(500)
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id);
