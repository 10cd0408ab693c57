-- Issue 11 "Integrations": a payment finance's system reported that Pactum could not match to a milestone waits
-- for finance to match it by hand (process "paymentMatching", one instance per payment). The reported values are
-- copied here from the stored event: the task's completion chooses only the contract and milestone.
create table payment_match (
    event_id                 varchar(200)   primary key,
    process_instance_id      varchar(64)    not null unique,
    reason                   varchar(30)    not null,
    reported_contract_number varchar(50),
    reported_milestone_id    varchar(100),
    amount                   numeric(19, 2) not null check (amount > 0),
    currency                 varchar(3),
    paid_on                  date           not null,
    reference                varchar(200)   not null,
    -- OPEN (a task waits), MATCHED (recorded against contract_id), DISMISSED (not this company's money)
    status                   varchar(20)    not null check (status in ('OPEN', 'MATCHED', 'DISMISSED')),
    opened_at                timestamptz    not null,
    decided_by               varchar(100),
    decided_at               timestamptz,
    contract_id              bigint         references contract (id),
    comment                  varchar(2000)
);
create index payment_match_paid_on_idx on payment_match (paid_on);
