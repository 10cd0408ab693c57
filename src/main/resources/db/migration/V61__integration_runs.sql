-- Issue 11 "Integrations": one row per run of the contractIntegration process, written when Pactum starts it. It binds
-- the instance to its contract and status change (the delegates trust this row, never a variable) and keeps what
-- each peer answered.
create table integration_run (
    process_instance_id varchar(64)  primary key,
    contract_id         bigint       not null references contract (id),
    contract_number     varchar(50)  not null,
    status_from         varchar(30),
    status_to           varchar(30)  not null,
    -- the contract's n-th run: part of every idempotency key, so a later push of the same status is not taken for
    -- a retry of an earlier one
    sequence            int          not null,
    started_at          timestamptz  not null,
    finance_pushed_at   timestamptz,
    finance_answer      varchar(2000),
    crm_pushed_at       timestamptz,
    crm_answer          varchar(2000),
    constraint integration_run_sequence unique (contract_id, sequence)
);
