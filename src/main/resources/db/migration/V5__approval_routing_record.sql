-- How routing decided the current approval round: the fast-lane rule that approved it without a human step
-- (null when people approve), and the version of the rule set that decided, also when no level was stored.
alter table contract add column fast_lane_rule varchar(300);
alter table contract add column routing_rule_set_version varchar(64);
