-- Issue 10 "The workspace": a user's named contract-list filters, and custom reports (自定义报表) that can be shared
-- with a group. A report's definition is JSON: dimension, measure, filters and chart type (see reporting.ReportDefinition).
create table saved_filter (
    id         bigserial primary key,
    owner      varchar(100) not null,
    name       varchar(100) not null,
    query      varchar(2000) not null,
    created_at timestamptz  not null,
    constraint saved_filter_name unique (owner, name)
);

create table saved_report (
    id           bigserial primary key,
    owner        varchar(100) not null,
    name         varchar(200) not null,
    definition   jsonb        not null,
    -- A group whose members may open the report too; '*' for everyone; null for the owner alone.
    shared_with  varchar(100),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);
create index saved_report_owner_idx on saved_report (owner);

-- The two example reports every user sees.
insert into saved_report (owner, name, definition, shared_with, created_at, updated_at) values
    ('pactum', '按客户分类的合同金额统计',
     '{"dimension": "customer", "measure": "sumAmount", "chart": "bar"}', '*', now(), now()),
    ('pactum', '按时间区间的合同签订数量',
     '{"dimension": "month", "measure": "count", "chart": "line", "status": "ACTIVE"}', '*', now(), now());
