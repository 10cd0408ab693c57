-- Issue 9 "After approval": signing and termination.

-- What a document version is. Existing versions were all rendered from templates. (Adding a column with a constant
-- default rewrites no row, so the append-only trigger is not involved.)
alter table contract_document_version
    add column kind varchar(20) not null default 'RENDERED'
        constraint contract_document_version_kind check (kind in ('RENDERED', 'COMPANY_SIGNED', 'COUNTER_SIGNED'));

-- One row per contract sent for signature: when the company signed, when the counterparty's signature came back.
create table contract_signing (
    contract_id              bigint primary key references contract (id),
    company_signed_version   int          not null,
    company_signed_sha256    varchar(64)  not null,
    company_signed_at        timestamptz  not null,
    -- The counterparty's signed PDF (a new document version) and whether its signatures were verified (a scanned,
    -- hand-sealed copy carries none).
    counter_signed_version   int,
    counter_signed_sha256    varchar(64),
    counter_signed_at        timestamptz,
    counter_signed_by        varchar(100),
    counter_signature_digital boolean,
    reminded_at              timestamptz,
    escalated_at             timestamptz
);

create table contract_termination (
    contract_id    bigint primary key references contract (id),
    reason         varchar(2000) not null,
    terminated_by  varchar(100)  not null,
    terminated_at  timestamptz   not null,
    -- The status it was terminated from (SIGNING: the signature was cancelled).
    from_status    varchar(20)   not null
);
