-- Issue 9 "After approval": renewal (续约).

-- The contract a renewal contract was made from.
alter table contract add column renewal_of_id bigint references contract (id);
create index contract_renewal_of_idx on contract (renewal_of_id);

-- What happened at each of a contract's renewal windows: the owner's decision (renew, renegotiate, let expire), or
-- an auto-renewal because nobody objected by the notice deadline. One row per decision; a contract renewed
-- automatically several times has several.
create table contract_renewal (
    id                     bigserial primary key,
    contract_id            bigint        not null references contract (id),
    kind                   varchar(20)   not null
        constraint contract_renewal_kind check (kind in ('RENEW', 'RENEGOTIATE', 'LET_EXPIRE', 'AUTO_RENEWED')),
    -- The term's end date the decision was about, and the notice deadline of that term.
    term_end_date          date          not null,
    notice_deadline        date          not null,
    decided_by             varchar(100)  not null,
    decided_at             timestamptz   not null,
    comment                varchar(2000),
    -- Auto-renewed: the term's new end date. Renew / renegotiate: the renewal contract made.
    -- Renegotiate: the amount the owner proposed for the renewal (null: unchanged).
    proposed_amount        numeric(19, 2),
    new_end_date           date,
    successor_contract_id  bigint references contract (id)
);
create index contract_renewal_contract_idx on contract_renewal (contract_id, id);
