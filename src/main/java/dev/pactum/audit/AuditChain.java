package dev.pactum.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * How a row is sealed: {@code row_hash = sha-256(UTF-8 of the canonical form)}, where the canonical form is every
 * field, in the order below, written as {@code <UTF-8 byte length>:<value>;} or {@code ~;} for null; the time is
 * microseconds since the epoch and the last field is the previous row's hash. The first row's previous hash is
 * {@link #GENESIS}. An outside verifier can recompute a row from a database dump with this description alone.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "pactum-audit-v1";

    private AuditChain() {
    }

    static String rowHash(long seq, AuditEntry entry, String prevHash) {
        StringBuilder canonical = new StringBuilder(512);
        field(canonical, VERSION);
        field(canonical, Long.toString(seq));
        field(canonical, Long.toString(epochMicros(entry.occurredAt())));
        field(canonical, entry.actor());
        field(canonical, entry.sourceIp());
        field(canonical, entry.action());
        field(canonical, entry.objectType());
        field(canonical, entry.objectId());
        field(canonical, entry.outcome().name());
        field(canonical, entry.httpStatus() == null ? null : entry.httpStatus().toString());
        field(canonical, entry.httpMethod());
        field(canonical, entry.requestPath());
        field(canonical, entry.engineOperationIds());
        field(canonical, entry.beforeState());
        field(canonical, entry.afterState());
        field(canonical, entry.detail());
        field(canonical, prevHash);
        return sha256(canonical.toString());
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("~;");
            return;
        }
        canonical.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append(';');
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
