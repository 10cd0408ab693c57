-- Issue 9 "After approval": supplementary agreements (补充协议) to contracts in force.
create table contract_amendment (
    id                   bigserial primary key,
    contract_id          bigint         not null references contract (id),
    sequence             int            not null,
    status               varchar(20)    not null
        constraint contract_amendment_status check (status in ('IN_APPROVAL', 'APPROVED', 'REJECTED')),
    reason               varchar(2000)  not null,
    -- What it changes (null / empty: unchanged) and what that replaces.
    new_amount           numeric(19, 2),
    new_end_date         date,
    new_clauses          jsonb          not null default '{}',
    previous_amount      numeric(19, 2) not null,
    previous_end_date    date           not null,
    previous_clauses     jsonb          not null default '{}',
    -- Its approval round of the contract (approval_level rows) and its process instance.
    approval_round       int,
    process_instance_id  varchar(64)    unique,
    requested_by         varchar(100)   not null,
    requested_at         timestamptz    not null,
    decided_at           timestamptz,
    constraint contract_amendment_sequence unique (contract_id, sequence)
);
-- At most one amendment of a contract in approval at a time.
create unique index contract_amendment_one_open on contract_amendment (contract_id) where status = 'IN_APPROVAL';
