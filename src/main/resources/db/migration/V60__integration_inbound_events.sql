-- Issue 11 "Integrations": events other systems send (finance payments, CRM customer changes, project milestones),
-- stored before they are acted on. One row per event: the same event id, or the same signed content under another
-- id, is not stored twice, so it has one effect.
create table integration_event (
    id               bigserial primary key,
    peer             varchar(20)  not null,
    event_id         varchar(200) not null,
    event_type       varchar(100) not null,
    -- sha-256 of the X-Pactum-Signature header: a replay under a fresh event id is still the same signed content.
    signature_sha256 char(64)     not null,
    body             jsonb        not null,
    sent_at          timestamptz  not null,
    received_at      timestamptz  not null,
    -- RECEIVED (stored, not acted on yet), PROCESSED, FAILED (its effect was refused; sending it again retries)
    status           varchar(20)  not null,
    effect           jsonb,
    failure          varchar(2000),
    processed_at     timestamptz,
    constraint integration_event_id unique (peer, event_id),
    constraint integration_event_signature unique (peer, signature_sha256),
    constraint integration_event_status check (status in ('RECEIVED', 'PROCESSED', 'FAILED'))
);
create index integration_event_received_idx on integration_event (received_at);
