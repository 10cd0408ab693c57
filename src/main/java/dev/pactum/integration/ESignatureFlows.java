package dev.pactum.integration;

import dev.pactum.audit.AuditEntry;
import dev.pactum.audit.AuditTrail;
import dev.pactum.document.DocumentVersionInfo;
import dev.pactum.obligation.SigningProvider;
import dev.pactum.obligation.SigningService;
import dev.pactum.obligation.SigningService.CounterSignatureRequest;
import dev.pactum.web.DomainException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counterparty's signature through an e-signature provider: sending the company-signed PDF (once per contract,
 * however often the step is retried) and acting on the provider's callbacks (authenticated, stored before they are
 * acted on, one effect however often they come).
 */
@Service
public class ESignatureFlows {

    private static final Logger log = LoggerFactory.getLogger(ESignatureFlows.class);

    /** What became of a callback: acted on now, or already acted on earlier (a duplicate). */
    public record Receipt(String event, String flowId, boolean duplicate, String effect) {
    }

    private final Map<SigningProvider, ESignatureProvider> providers;
    private final SigningService signing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final AuditTrail audit;
    private final Clock clock;

    ESignatureFlows(List<ESignatureProvider> providers, SigningService signing, JdbcTemplate jdbc,
                    PlatformTransactionManager transactions, AuditTrail audit, Clock clock) {
        this.providers = providers.stream().filter(ESignatureProvider::configured).collect(Collectors.toMap(ESignatureProvider::id, Function.identity()));
        this.signing = signing;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * BPMN "Send for counterparty signature": opens the provider's sign flow for the contract bound to the instance,
     * unless one was opened already. The flow row is written in a transaction of its own before the call and the
     * flow id right after it, so neither a retry of this step nor a rollback of the engine's transaction makes a
     * second flow. An attempt that went out but whose answer never came (a timeout) leaves the row without an id:
     * the next attempt first asks the provider for a flow opened for this contract since then, and adopts it.
     */
    public void send(String processInstanceId) {
        Optional<CounterSignatureRequest> pending = signing.counterSignatureRequest(processInstanceId);
        if (pending.isEmpty()) {
            log.info("instance {}: nothing to send for signature (signed back, cancelled, or no provider)",
                    processInstanceId);
            return;
        }
        CounterSignatureRequest request = pending.get();
        ESignatureProvider provider = providers.get(request.provider());
        if (provider == null) {
            throw new PeerClient.PeerCallFailed(request.provider().id(), "not configured (pactum.signing."
                    + request.provider().id() + ".*)", true);
        }
        Map<String, Object> flow = ownTransaction.execute(status -> {
            jdbc.update("""
                    insert into esign_flow (contract_id, provider, company_signed_version, status, created_at)
                    values (?, ?, ?, 'SENDING', ?) on conflict (contract_id) do nothing""", request.contractId(),
                    provider.id().id(), request.companySignedVersion(), Timestamp.from(clock.instant()));
            return jdbc.queryForMap("select flow_id, created_at, sent_at is null and attempts > 0 as unanswered,"
                    + " attempts from esign_flow where contract_id = ? for update", request.contractId());
        });
        if (flow.get("flow_id") != null) {
            log.info("{}: sign flow {} of {} exists already; not sent again", provider.id().id(), flow.get("flow_id"),
                    request.number());
            return;
        }
        if (Boolean.TRUE.equals(flow.get("unanswered"))) {
            Optional<String> earlier = provider.openedEarlier(request,
                    ((Timestamp) flow.get("created_at")).toInstant());
            if (earlier.isPresent()) {
                recordSent(request, provider, earlier.get(), "adopted the sign flow an earlier attempt opened");
                return;
            }
        }
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "update esign_flow set attempts = attempts + 1 where contract_id = ?", request.contractId()));
        recordSent(request, provider, provider.send(request), "sent");
    }

    private void recordSent(CounterSignatureRequest request, ESignatureProvider provider, String flowId, String how) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                update esign_flow set flow_id = ?, status = 'SENT', sent_at = ? where contract_id = ?""",
                flowId, Timestamp.from(clock.instant()), request.contractId()));
        audit.record(AuditEntry.system(provider.id().id(), "ESIGN_FLOW_SENT", "contract",
                Long.toString(request.contractId()), null, null, how + ": sign flow " + flowId + " for "
                        + request.number() + ", company-signed version " + request.companySignedVersion()));
    }

    /**
     * A provider's callback ({@code POST /api/integrations/esign/{provider}/callback}): authenticated by the
     * provider's own scheme before anything else, stored in a transaction of its own, then acted on. The same
     * content again is answered as a duplicate with no further effect; a callback whose effect failed (the signed
     * file could not be fetched) is acted on again when the provider sends it again.
     */
    public Receipt receive(String providerId, Map<String, String> headers, Map<String, String> query, byte[] body) {
        ESignatureProvider provider = SigningProvider.byId(providerId).map(providers::get)
                .orElseThrow(() -> DomainException.notFound("pactum.esign.providerUnknown", providerId));
        ESignatureProvider.Callback callback = provider.authenticate(headers, query, body);
        long id = stored(provider, callback, body);
        try {
            return ownTransaction.execute(status -> actOn(id, provider, callback));
        } catch (PeerClient.PeerCallFailed e) {
            markFailed(id, e.getMessage());
            throw DomainException.peerUnavailable("pactum.esign.downloadFailed", callback.flowId());
        } catch (RuntimeException e) {
            markFailed(id, e.getMessage());
            throw e;
        }
    }

    private long stored(ESignatureProvider provider, ESignatureProvider.Callback callback, byte[] body) {
        String sha256 = Signatures.sha256Hex(new String(body, StandardCharsets.ISO_8859_1));
        return ownTransaction.execute(status -> {
            List<Long> inserted = jdbc.queryForList("""
                    insert into esign_callback (provider, content_sha256, flow_id, event, body, sent_at, received_at,
                                                status)
                    values (?, ?, ?, ?, ?, ?, ?, 'RECEIVED')
                    on conflict do nothing
                    returning id""", Long.class, provider.id().id(), sha256, callback.flowId(), callback.event(),
                    new String(body, StandardCharsets.UTF_8), Timestamp.from(callback.sentAt()),
                    Timestamp.from(clock.instant()));
            if (!inserted.isEmpty()) {
                return inserted.get(0);
            }
            return jdbc.queryForObject("select id from esign_callback where provider = ? and content_sha256 = ?",
                    Long.class, provider.id().id(), sha256);
        });
    }

    /** Acts on a stored callback unless that was done already; row locks make concurrent copies queue. */
    private Receipt actOn(long id, ESignatureProvider provider, ESignatureProvider.Callback callback) {
        Map<String, Object> row = jdbc.queryForMap("select status, effect from esign_callback where id = ? for update",
                id);
        if ("PROCESSED".equals(row.get("status"))) {
            return new Receipt(callback.event(), callback.flowId(), true, (String) row.get("effect"));
        }
        String effect = apply(provider, callback);
        jdbc.update("""
                update esign_callback set status = 'PROCESSED', effect = ?, failure = null, processed_at = ?
                where id = ?""", effect, Timestamp.from(clock.instant()), id);
        return new Receipt(callback.event(), callback.flowId(), false, effect);
    }

    private String apply(ESignatureProvider provider, ESignatureProvider.Callback callback) {
        if (callback.flowId() == null || callback.outcome() == ESignatureProvider.Outcome.NONE) {
            return "no effect: " + callback.event();
        }
        List<Map<String, Object>> flows = jdbc.queryForList("""
                select contract_id, status from esign_flow where provider = ? and flow_id = ? for update""",
                provider.id().id(), callback.flowId());
        if (flows.isEmpty()) {
            return "no effect: unknown flow";
        }
        long contractId = ((Number) flows.get(0).get("contract_id")).longValue();
        String status = (String) flows.get(0).get("status");
        if (!"SENT".equals(status)) {
            return "no effect: flow already " + status;
        }
        String effect;
        if (callback.outcome() == ESignatureProvider.Outcome.SIGNED) {
            byte[] pdf = provider.downloadSigned(callback.flowId());
            Optional<DocumentVersionInfo> version = signing.acceptProviderCounterSignature(contractId, pdf,
                    provider.id(), provider.keepsCompanySignature());
            effect = version.map(v -> "counter-signed: version " + v.version() + " sha256 " + v.sha256())
                    .orElse("signed, but the contract no longer waited for it");
        } else {
            signing.providerFlowEnded(contractId, provider.id(), callback.outcome().name(), callback.description());
            effect = "flow ended " + callback.outcome() + "; owner told, upload still open";
        }
        jdbc.update("""
                update esign_flow set status = ?, status_description = ?, finished_at = ? where contract_id = ?""",
                callback.outcome().name(), cut(callback.description()), Timestamp.from(clock.instant()), contractId);
        audit.record(AuditEntry.system(provider.id().id(), "ESIGN_FLOW_" + callback.outcome(), "contract",
                Long.toString(contractId), null, null, "sign flow " + callback.flowId() + ": " + effect));
        return effect;
    }

    private void markFailed(long id, String failure) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "update esign_callback set status = 'FAILED', failure = ? where id = ? and status <> 'PROCESSED'",
                failure == null ? null : failure.substring(0, Math.min(failure.length(), 1000)), id));
    }

    private static String cut(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
