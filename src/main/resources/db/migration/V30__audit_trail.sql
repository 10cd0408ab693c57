-- Issue "Integrity first": the audit trail. Who did what, when, from where, with what outcome, and what changed.
--
-- Rows form one hash chain: row_hash = sha-256 over the row's fields and prev_hash (the row_hash of the row
-- before it); dev.pactum.audit.AuditChain defines the exact encoding and README.md documents it. seq numbers are
-- dense (1, 2, 3, ...): the appender takes a transaction-level advisory lock, reads the head and writes seq + 1,
-- so two nodes appending at once queue up instead of forking the chain; unique (prev_hash) makes a fork
-- impossible even for a client that skips the lock.
create table audit_event (
    seq                  bigint        primary key check (seq > 0),
    occurred_at          timestamptz   not null,
    actor                varchar(100)  not null,
    source_ip            varchar(64),
    action               varchar(64)   not null,
    object_type          varchar(64),
    object_id            varchar(200),
    outcome              varchar(16)   not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    http_status          int,
    http_method          varchar(10),
    request_path         varchar(1000),
    -- Camunda's own operation log (ACT_HI_OP_LOG.OPERATION_ID_) for actions that went through the engine.
    engine_operation_ids varchar(1000),
    -- JSON text, not jsonb: the hash covers these exact characters, and jsonb would re-order them.
    before_state         text,
    after_state          text,
    detail               varchar(2000),
    prev_hash            char(64)      not null,
    row_hash             char(64)      not null,
    constraint audit_event_one_successor unique (prev_hash),
    constraint audit_event_row_hash_unique unique (row_hash)
);
create index audit_event_actor_idx on audit_event (actor, seq);
create index audit_event_action_idx on audit_event (action, seq);
create index audit_event_object_idx on audit_event (object_type, object_id, seq);
create index audit_event_occurred_idx on audit_event (occurred_at);

-- The retention purge removes a prefix of the chain. Before it deletes rows 1..n it records here the seq and
-- row_hash of row n, so the first remaining row (n + 1) still links to a known hash and the chain stays
-- verifiable. The purge also appends an AUDIT_PURGE row naming the same seq and hash.
create table audit_anchor (
    through_seq bigint       primary key,
    row_hash    char(64)     not null,
    purged_rows bigint       not null check (purged_rows >= 0),
    created_at  timestamptz  not null,
    created_by  varchar(100) not null
);

-- An anchor must name a row that exists with that very hash, and anchors only move forward.
create function audit_anchor_is_consistent() returns trigger
    language plpgsql as
$$
begin
    if not exists (select 1 from audit_event where seq = new.through_seq and row_hash = new.row_hash) then
        raise exception 'audit_anchor: no audit_event row % with hash %', new.through_seq, new.row_hash
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.through_seq <= coalesce((select max(through_seq) from audit_anchor), 0) then
        raise exception 'audit_anchor: anchors only move forward (% refused)', new.through_seq
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger audit_anchor_consistent
    before insert on audit_anchor
    for each row execute function audit_anchor_is_consistent();

-- Append-only, for every client and not only the app: UPDATE and TRUNCATE are always refused; DELETE only of
-- rows an anchor already vouches for (the controlled retention purge, dev.pactum.audit.AuditRetention).
create function audit_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' and old.seq <= coalesce((select max(through_seq) from audit_anchor), 0) then
        return old;
    end if;
    raise exception 'audit_event is append-only: % refused', tg_op
        using errcode = 'restrict_violation';
end;
$$;

create trigger audit_event_no_change
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

create function audit_anchor_is_immutable() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_anchor is append-only: % refused', tg_op
        using errcode = 'restrict_violation';
end;
$$;

create trigger audit_anchor_no_change
    before update or delete on audit_anchor
    for each row execute function audit_anchor_is_immutable();

create trigger audit_anchor_no_truncate
    before truncate on audit_anchor
    for each statement execute function audit_anchor_is_immutable();
