-- Issue 3 "Approvals that move": SLA times per level, decisions taken on someone's behalf, out-of-office deputies,
-- and the in-app notifications.
alter table approval_level
    add column reminder_at  timestamptz,
    add column due_at       timestamptz,
    add column reminded_at  timestamptz,
    add column escalated_at timestamptz;

-- The user the decider acted for: who delegated the task to them, or whom they deputised for.
alter table approval_decision add column on_behalf_of varchar(100);

create table out_of_office (
    user_id   varchar(100) primary key,
    deputy    varchar(100) not null,
    from_date date         not null,
    to_date   date         not null,
    constraint out_of_office_range check (to_date >= from_date),
    constraint out_of_office_not_self check (deputy <> user_id)
);

create table notification (
    id          bigserial primary key,
    recipient   varchar(100)  not null,
    kind        varchar(40)   not null,
    subject     varchar(500)  not null,
    body        text          not null,
    link        varchar(500),
    contract_id bigint references contract (id),
    created_at  timestamptz   not null,
    read_at     timestamptz
);
create index notification_recipient_idx on notification (recipient, created_at desc);
