-- What the CRM changed of a customer after one of their contracts was sent for signature: such a contract keeps the
-- text both sides sign or signed, so the change is recorded beside it instead of re-rendering it.
create table contract_customer_change (
    id              bigserial primary key,
    contract_id     bigint       not null references contract (id),
    customer_id     bigint       not null references customer (id),
    contract_status varchar(20)  not null,
    changes         jsonb        not null,
    source          varchar(100) not null,
    reference       varchar(200),
    recorded_by     varchar(100) not null,
    recorded_at     timestamptz  not null
);

create index contract_customer_change_contract on contract_customer_change (contract_id, id);
