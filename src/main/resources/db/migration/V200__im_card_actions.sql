-- Approval decisions taken from an IM card (Feishu, ...): one row per provider callback, so the same callback
-- delivered twice has one effect and is answered as it was the first time.
create table im_card_action (
    provider     varchar(20)  not null,
    event_id     varchar(200) not null,
    im_user_id   varchar(200) not null,
    pactum_user  varchar(100),
    task_id      varchar(64),
    decision     varchar(20),
    outcome      varchar(20)  not null,
    answer       text         not null,
    received_at  timestamp with time zone not null,
    primary key (provider, event_id)
);
