-- Issues 9 and 11: the counterparty's signature through an e-signature provider (e签宝).

-- Which provider the contract went out through when the company signed ('none': the owner uploads the copy).
alter table contract_signing add column provider varchar(20) not null default 'none';

-- One provider sign flow per contract: created once (a retried send finds the flow id and sends nothing), then
-- moved by the provider's callbacks.
create table esign_flow (
    contract_id            bigint primary key references contract (id),
    provider               varchar(20)  not null,
    company_signed_version int          not null,
    flow_id                varchar(200),
    status                 varchar(20)  not null
        constraint esign_flow_status check (status in ('SENDING', 'SENT', 'SIGNED', 'REFUSED', 'EXPIRED', 'REVOKED')),
    status_description     varchar(500),
    -- Attempts that went out; one left unanswered (a timeout) makes the next look for the flow the provider may
    -- have opened before sending again.
    attempts               int          not null default 0,
    created_at             timestamptz  not null,
    sent_at                timestamptz,
    finished_at            timestamptz
);
create unique index esign_flow_provider_flow on esign_flow (provider, flow_id);

-- Every authenticated callback, stored before it is acted on; the same content twice is one row (one effect).
create table esign_callback (
    id           bigserial primary key,
    provider     varchar(20)  not null,
    content_sha256 varchar(64) not null,
    flow_id      varchar(200),
    event        varchar(100) not null,
    body         text         not null,
    sent_at      timestamptz  not null,
    received_at  timestamptz  not null,
    status       varchar(20)  not null
        constraint esign_callback_status check (status in ('RECEIVED', 'PROCESSED', 'FAILED')),
    effect       varchar(200),
    failure      varchar(1000),
    processed_at timestamptz,
    constraint esign_callback_once unique (provider, content_sha256)
);

