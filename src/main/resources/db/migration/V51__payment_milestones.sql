-- Issue 9 "After approval": payment schedules (回款计划) and the payments received against them.

-- The schedule as drafted: [{id, dueDate | daysAfter + event, amount, percent, description}].
alter table contract add column milestones jsonb not null default '[]'::jsonb;

-- Each milestone of an ACTIVE contract, from its activation on: due date resolved, money received, status.
create table payment_milestone (
    contract_id    bigint         not null references contract (id),
    milestone_no   int            not null check (milestone_no > 0),
    description    varchar(300)   not null,
    due_date       date           not null,
    amount         numeric(19, 2) not null check (amount > 0),
    currency       varchar(3)     not null,
    received       numeric(19, 2) not null default 0 check (received >= 0),
    status         varchar(20)    not null check (status in ('OPEN', 'OVERDUE', 'PAID', 'CANCELLED')),
    overdue_since  date,
    paid_at        timestamptz,
    reminded_at    timestamptz,
    escalated_at   timestamptz,
    version        bigint         not null default 0,
    primary key (contract_id, milestone_no)
);
create index payment_milestone_status_idx on payment_milestone (status, due_date);

-- Payments as finance recorded them, one row each; an overpayment stays recorded as paid and is flagged.
create table payment (
    id            bigserial primary key,
    contract_id   bigint         not null,
    milestone_no  int            not null,
    amount        numeric(19, 2) not null check (amount > 0),
    paid_on       date           not null,
    reference     varchar(200)   not null,
    recorded_by   varchar(100)   not null,
    recorded_at   timestamptz    not null,
    foreign key (contract_id, milestone_no) references payment_milestone (contract_id, milestone_no)
);
create index payment_contract_idx on payment (contract_id);
