-- Counterparties and contracts. Money is numeric(19,2) with an ISO 4217 currency.
create table customer (
    id                    bigserial primary key,
    name                  varchar(200) not null,
    credit_code           varchar(18)  not null unique,
    contact_name          varchar(100),
    contact_email         varchar(200),
    contact_phone         varchar(50),
    credit_limit          numeric(19, 2) check (credit_limit >= 0),
    credit_limit_currency varchar(3)   not null default 'CNY',
    has_overdue_payments  boolean      not null default false,
    version               bigint       not null default 0,
    created_at            timestamptz  not null default now()
);

-- One row per year; the upsert in ContractNumbers makes numbering gap-free under concurrency.
create table contract_number_sequence (
    year       int primary key,
    last_value int not null
);

create table contract (
    id                    bigserial primary key,
    number                varchar(20)    not null unique,
    title                 varchar(300)   not null,
    type                  varchar(20)    not null,
    template_key          varchar(100)   not null,
    customer_id           bigint         not null references customer (id),
    amount                numeric(19, 2) not null check (amount >= 0),
    currency              varchar(3)     not null,
    start_date            date           not null,
    end_date              date           not null,
    payment_term_days     int            not null check (payment_term_days >= 0),
    status                varchar(20)    not null,
    owner                 varchar(100)   not null,
    fields                jsonb          not null default '{}'::jsonb,
    risk_score            int,
    risk_level            varchar(10),
    risk_findings         jsonb,
    risk_rule_set_version varchar(64),
    approval_round        int            not null default 0,
    process_instance_id   varchar(64),
    idempotency_key       varchar(100),
    version               bigint         not null default 0,
    created_at            timestamptz    not null,
    updated_at            timestamptz    not null,
    constraint contract_dates_ordered check (end_date >= start_date),
    constraint contract_idempotency unique (owner, idempotency_key)
);
create index contract_customer_idx on contract (customer_id);
create index contract_status_idx on contract (status);
create index contract_owner_idx on contract (owner);
