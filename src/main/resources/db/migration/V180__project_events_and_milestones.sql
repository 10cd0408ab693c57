-- Task "milestones" (issues 9 and 11): milestones N days after a project's acceptance or delivery, the project a
-- contract pays for, the project events received, and amendments that carry a new payment schedule.

alter table contract add column project_id varchar(100);

-- A milestone that waits for its project's event has no due date until the event arrives.
alter table payment_milestone alter column due_date drop not null;
alter table payment_milestone drop constraint payment_milestone_status_check;
alter table payment_milestone add constraint payment_milestone_status_check
    check (status in ('AWAITING_EVENT', 'OPEN', 'OVERDUE', 'PAID', 'CANCELLED'));
alter table payment_milestone add column awaits_event varchar(20)
    check (awaits_event in ('ACCEPTANCE', 'DELIVERY'));
alter table payment_milestone add column days_after int check (days_after >= 0);
alter table payment_milestone add column project_id varchar(100);
-- The day the event it counts from happened (acceptance, delivery), once reported.
alter table payment_milestone add column event_on date;
alter table payment_milestone add constraint payment_milestone_due_known
    check (due_date is not null or status in ('AWAITING_EVENT', 'CANCELLED'));

-- Acceptance and delivery as the project-management system reported them, one row per inbound event.
create table project_event (
    id               bigserial primary key,
    contract_id      bigint        not null references contract (id),
    event            varchar(20)   not null check (event in ('ACCEPTANCE', 'DELIVERY')),
    project_id       varchar(100)  not null,
    occurred_on      date          not null,
    -- The payment milestone the sender named, when it did.
    milestone_no     int,
    inbound_event_id varchar(200)  not null,
    received_at      timestamptz   not null,
    -- Milestones whose due date it fixed, e.g. "2,3".
    started          varchar(500)  not null default ''
);
create index project_event_contract_idx on project_event (contract_id, event, project_id);

-- An amendment may carry a whole new payment schedule; what it replaces is kept beside it.
alter table contract_amendment add column new_milestones jsonb;
alter table contract_amendment add column previous_milestones jsonb;
