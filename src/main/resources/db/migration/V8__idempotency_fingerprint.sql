-- What the first request with an Idempotency-Key asked for (sha-256 of it), so a second request with the same key
-- but another body is refused instead of silently answered with the first contract.
alter table contract add column idempotency_fingerprint varchar(64);
