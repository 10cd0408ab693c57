-- A key rotation re-encrypts stored versions under a new key: the one UPDATE the append-only table lets through.
-- It must come from a transaction that set pactum.document_rotation (set_config(..., true): for that transaction
-- only; only StoredDocuments.rotateTo does), leave the version encrypted, and change nothing but the encrypted bytes,
-- nonce and key id; the version's identity (number, size, sha-256 of the plain document, author, time) and every
-- other column stay.
-- DELETE and TRUNCATE stay refused. Like every trigger, this guards against mistakes and the app's own bugs, not
-- against a database superuser.
create or replace function contract_document_version_is_immutable() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE'
        and coalesce(current_setting('pactum.document_rotation', true), '') = 'on'
        and new.content_key_id is not null
        -- every other column, those added after this migration too, is left as it was
        and to_jsonb(new) - 'content' - 'content_key_id' - 'content_nonce'
            = to_jsonb(old) - 'content' - 'content_key_id' - 'content_nonce' then
        return new;
    end if;
    raise exception 'contract_document_version is append-only: % refused', tg_op
        using errcode = 'restrict_violation';
end;
$$;
