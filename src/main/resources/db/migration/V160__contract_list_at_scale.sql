-- The contract list at a million rows (README, "Benchmarks": search and lists at scale).
--
-- Substring search ("q") over number, title and customer name, Chinese included, with a GIN index of n-grams.
-- pg_trgm ships with the embedded PostgreSQL, but its trigrams keep only characters the database's LC_CTYPE calls
-- alphanumeric (no CJK under "C"; under C.UTF-8, which the embedded server gets from LANG here, they are kept), and
-- it has no trigram for the one- and two-character queries Chinese users type most ("科技", "采购": LIKE '%科技%'
-- makes pg_trgm read its whole index). So the fields yield every character, pair and triple, lower-cased: a query of
-- n characters asks the index for rows holding all its n-grams of length min(n, 3), then LIKE re-checks. The same
-- under any locale, for any script. Built from C string functions (splitting at every 1, 2 or 3 characters from
-- each offset) rather than a loop per character, which costs ten times as much per row; fields are joined by a
-- control character no query holds, so the n-grams across two fields never match. GIN removes duplicates itself.
-- The index compares its keys bytewise (collate "C"): what it needs is equality, and that is cheaper to sort.
create function pactum_search_grams(fields text[]) returns text[]
    language sql immutable strict parallel safe
as $$
select string_to_array(t, null)
    || string_to_array(regexp_replace(t, '(..)', E'\\1\x1f', 'g'), E'\x1f')
    || string_to_array(regexp_replace(substr(t, 2), '(..)', E'\\1\x1f', 'g'), E'\x1f')
    || string_to_array(regexp_replace(t, '(...)', E'\\1\x1f', 'g'), E'\x1f')
    || string_to_array(regexp_replace(substr(t, 2), '(...)', E'\\1\x1f', 'g'), E'\x1f')
    || string_to_array(regexp_replace(substr(t, 3), '(...)', E'\\1\x1f', 'g'), E'\x1f')
from (select lower(array_to_string(fields, E'\x1e')) as t) joined
$$;

-- The n-grams a query must find: its triples, or the query itself when shorter than three characters.
create function pactum_query_grams(query text) returns text[]
    language sql immutable strict parallel safe
as $$
select case when char_length(lower(query)) < 3 then array[lower(query)]
            else (select array_agg(distinct substr(lower(query), position, 3))
                  from generate_series(1, char_length(query) - 2) as position) end
$$;

-- The customer's name on the contract row, so one index covers all three searched fields: triggers keep it equal
-- to customer.name whoever writes (JPA, SQL, an import), as the entity does not map it.
alter table contract add column customer_name varchar(200);
update contract c set customer_name = cu.name from customer cu where cu.id = c.customer_id;
alter table contract alter column customer_name set not null;

create function contract_takes_customer_name() returns trigger
    language plpgsql
as $$
begin
    new.customer_name := (select name from customer where id = new.customer_id);
    return new;
end
$$;
create trigger contract_customer_name before insert or update of customer_id on contract
    for each row execute function contract_takes_customer_name();

create function customer_name_to_contracts() returns trigger
    language plpgsql
as $$
begin
    update contract set customer_name = new.name where customer_id = new.id;
    return null;
end
$$;
create trigger customer_name_change after update of name on customer
    for each row when (old.name is distinct from new.name) execute function customer_name_to_contracts();

-- The elements are cast one by one: that is how pg_get_indexdef (and so pg_dump, and a restore from its dump) writes
-- the expression back, and a query matches the index only with the very same expression (ContractListing).
create index contract_search_idx on contract
    using gin ((pactum_search_grams(array[number::text, title::text, customer_name::text])) collate "C");

-- Each filter with the default order (newest first, id as the tie-break, which also makes keyset paging exact).
create index contract_created_idx on contract (created_at, id);
create index contract_owner_created_idx on contract (owner, created_at, id);
create index contract_status_created_idx on contract (status, created_at, id);
create index contract_customer_created_idx on contract (customer_id, created_at, id);
-- Amount ranges and the other orders the list offers.
create index contract_amount_idx on contract (amount, id);
create index contract_start_idx on contract (start_date, id);
drop index contract_owner_idx;
drop index contract_status_idx;
drop index contract_customer_idx;
