package dev.pactum.audit;

/** A sealed row of the audit trail: the entry, its place in the chain and the hashes that link it. */
public record AuditRecord(long seq, AuditEntry entry, String prevHash, String rowHash) {
}
