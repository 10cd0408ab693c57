-- Issue 9 "Reminders on every channel people use": each user's channels per kind of notification, quiet hours, and
-- the delivery of every (event, recipient, channel) exactly once, with retries and a record of what failed.
create table notification_settings (
    user_id          varchar(100) primary key,
    zone             varchar(60)  not null,
    quiet_from       time,
    quiet_to         time,
    -- kind -> channels (EMAIL, DINGTALK, WECOM, FEISHU, SLACK, SMS); a kind not listed goes by email
    channels         jsonb        not null,
    dingtalk_webhook varchar(500),
    dingtalk_secret  varchar(200),
    wecom_webhook    varchar(500),
    feishu_webhook   varchar(500),
    feishu_secret    varchar(200),
    slack_webhook    varchar(500),
    phone            varchar(20),
    updated_at       timestamptz  not null,
    constraint notification_settings_quiet_both check ((quiet_from is null) = (quiet_to is null))
);

create table notification_delivery (
    id              bigserial primary key,
    -- what happened (e.g. payment-reminder:12:2026-12-07); one message per event, recipient and channel, ever
    event_key       varchar(200) not null,
    -- a user id, or robot:<name> for a company-wide group robot
    recipient       varchar(120) not null,
    channel         varchar(20)  not null,
    kind            varchar(40)  not null,
    contract_id     bigint references contract (id),
    subject         varchar(500) not null,
    body            text         not null,
    link            varchar(500),
    -- the template's values as text, for SMS templates
    model           jsonb        not null,
    status          varchar(10)  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    claimed_until   timestamptz,
    last_error      varchar(1000),
    created_at      timestamptz  not null,
    last_attempt_at timestamptz,
    sent_at         timestamptz,
    retried_by      varchar(100),
    constraint notification_delivery_once unique (event_key, recipient, channel),
    constraint notification_delivery_status check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED'))
);
create index notification_delivery_due_idx on notification_delivery (next_attempt_at) where status in ('PENDING', 'SENDING');
create index notification_delivery_failed_idx on notification_delivery (last_attempt_at desc) where status = 'FAILED';

-- The in-app inbox is a channel too: one row per event and recipient.
alter table notification add column event_key varchar(200);
create unique index notification_event_once on notification (event_key, recipient) where event_key is not null;
