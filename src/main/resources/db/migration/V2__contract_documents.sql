-- Rendered contract documents. A version, once written, is evidence of what was shown and signed: the trigger
-- below refuses every UPDATE, DELETE and TRUNCATE, so immutability holds for any client, not only for the app.
create table contract_document_version (
    id           bigserial primary key,
    contract_id  bigint       not null references contract (id),
    version      int          not null check (version > 0),
    template_key varchar(100) not null,
    content_type varchar(100) not null,
    content      bytea        not null,
    size_bytes   int          not null check (size_bytes >= 0),
    sha256       varchar(64)  not null,
    created_by   varchar(100) not null,
    created_at   timestamptz  not null,
    constraint contract_document_version_unique unique (contract_id, version)
);

create function contract_document_version_is_immutable() returns trigger
    language plpgsql as
$$
begin
    raise exception 'contract_document_version is append-only: % refused', tg_op
        using errcode = 'restrict_violation';
end;
$$;

create trigger contract_document_version_no_change
    before update or delete on contract_document_version
    for each row execute function contract_document_version_is_immutable();

create trigger contract_document_version_no_truncate
    before truncate on contract_document_version
    for each statement execute function contract_document_version_is_immutable();
