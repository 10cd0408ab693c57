package dev.pactum.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one way rows leave the audit trail: once a day (at {@code pactum.audit.purge-cron}) the rows older than
 * {@code pactum.audit.retention} are removed, oldest first, as one prefix of the chain, under an anchor (see
 * {@link AuditTrail#purgeOlderThan}). Several nodes may run it at the same time: they queue on the chain's lock and
 * the later ones find nothing left to do.
 */
@Component
public class AuditRetention {

    static final String PURGE_ACTION = "AUDIT_PURGE";
    static final String OBJECT_TYPE = "audit_trail";

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditTrail trail;
    private final AuditProperties properties;
    private final Clock clock;

    AuditRetention(AuditTrail trail, AuditProperties properties, Clock clock) {
        this.trail = trail;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${pactum.audit.purge-cron:0 30 3 * * *}", zone = "${pactum.zone:Asia/Shanghai}")
    void purgeExpired() {
        purgeOlderThan(clock.instant().minus(properties.retention()), AuditEntry.SYSTEM);
    }

    /** Removes every row older than {@code cutoff} that has no newer row before it; returns what was removed. */
    public AuditTrail.Purge purgeOlderThan(Instant cutoff, String actor) {
        AuditTrail.Purge purge = trail.purgeOlderThan(cutoff, actor, done -> describe(done, cutoff));
        if (purge.rows() > 0) {
            log.info("Audit trail retention ({}): removed {} rows up to seq {}; the chain is anchored at its hash {}",
                    properties.retention(), purge.rows(), purge.throughSeq(), purge.throughHash());
        }
        return purge;
    }

    private String describe(AuditTrail.Purge purge, Instant cutoff) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("throughSeq", purge.throughSeq());
        detail.put("throughHash", purge.throughHash());
        detail.put("rows", purge.rows());
        detail.put("olderThan", cutoff.toString());
        detail.put("retention", properties.retention().toString());
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
