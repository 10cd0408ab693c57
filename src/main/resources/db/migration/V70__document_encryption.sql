-- Document versions are stored encrypted (AES-256-GCM, see dev.pactum.document.DocumentCipher): `content` holds the
-- ciphertext with its tag, `content_nonce` the 96-bit nonce and `content_key_id` the key's id. Versions written before
-- have neither and keep their plain bytes until a key rotation encrypts them. size_bytes and sha256 stay the plain
-- document's: they are its identity.
alter table contract_document_version
    add column content_key_id varchar(64),
    add column content_nonce  bytea,
    add constraint contract_document_version_sealed check (
        (content_key_id is null and content_nonce is null)
        or (content_key_id is not null and octet_length(content_nonce) = 12));
