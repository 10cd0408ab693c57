-- Risk assessments and routing decisions move out of the contract row into tables of their own features, one row
-- per approval round, so a contract keeps every assessment and routing decision it went through.
create table risk_assessment (
    id               bigserial primary key,
    contract_id      bigint      not null references contract (id),
    round            int         not null,
    score            int         not null check (score between 0 and 100),
    level            varchar(10) not null,
    findings         jsonb       not null,
    rule_set_version varchar(64) not null,
    assessed_at      timestamptz not null
);
create index risk_assessment_contract_idx on risk_assessment (contract_id, id);

insert into risk_assessment (contract_id, round, score, level, findings, rule_set_version, assessed_at)
select id, greatest(approval_round, 1), risk_score, risk_level, coalesce(risk_findings, '[]'::jsonb),
       coalesce(risk_rule_set_version, ''), updated_at
from contract
where risk_level is not null;

create table approval_round (
    id               bigserial primary key,
    contract_id      bigint       not null references contract (id),
    round            int          not null,
    fast_lane_rule   varchar(300),
    rule_set_version varchar(64)  not null,
    started_at       timestamptz  not null,
    constraint approval_round_once unique (contract_id, round)
);

insert into approval_round (contract_id, round, fast_lane_rule, rule_set_version, started_at)
select id, approval_round, fast_lane_rule, coalesce(routing_rule_set_version, ''), updated_at
from contract
where approval_round > 0;

alter table contract
    drop column risk_score,
    drop column risk_level,
    drop column risk_findings,
    drop column risk_rule_set_version,
    drop column fast_lane_rule,
    drop column routing_rule_set_version;
