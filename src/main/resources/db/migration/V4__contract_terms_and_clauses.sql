-- Negotiated terms the risk rules read, and clause texts that differ from the template's standard text.
alter table contract add column terms jsonb not null default '{}'::jsonb;
alter table contract add column clauses jsonb not null default '{}'::jsonb;
