-- The approval chain of each round (a revise loop starts a new round) and every decision taken in it.
create table approval_level (
    id               bigserial primary key,
    contract_id      bigint       not null references contract (id),
    round            int          not null,
    level            int          not null,
    mode             varchar(3)   not null check (mode in ('ANY', 'ALL')),
    groups           jsonb        not null,
    sla_hours        int          not null,
    added_by         jsonb        not null,
    state            varchar(12)  not null,
    rule_set_version varchar(64)  not null,
    started_at       timestamptz,
    ended_at         timestamptz,
    version          bigint       not null default 0,
    constraint approval_level_unique unique (contract_id, round, level)
);

create table approval_decision (
    id                bigserial primary key,
    approval_level_id bigint       not null references approval_level (id),
    task_id           varchar(64)  not null unique,
    candidate_groups  varchar(500) not null,
    decided_by        varchar(100) not null,
    decision          varchar(10)  not null check (decision in ('APPROVE', 'REJECT', 'REVISE')),
    comment           text,
    decided_at        timestamptz  not null
);
create index approval_decision_level_idx on approval_decision (approval_level_id);
