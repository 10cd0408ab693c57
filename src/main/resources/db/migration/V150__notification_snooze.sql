-- Issue 9 "After approval", reminders: a recipient may snooze an in-app notification. Until then it is hidden from
-- the inbox; it comes back unread (read_at cleared when snoozed), ordered by when it came back.
alter table notification add column snoozed_until timestamptz;
create index notification_snoozed_idx on notification (recipient, snoozed_until) where snoozed_until is not null;
