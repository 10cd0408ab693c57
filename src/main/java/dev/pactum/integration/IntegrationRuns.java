package dev.pactum.integration;

import dev.pactum.contract.ContractStatusChanged;
import dev.pactum.web.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * One run of {@code contractIntegration} per pushed status change of a contract. Pactum alone starts runs
 * ({@link #start}); the run's row, written by the instance's start listener, binds the instance to its contract and
 * status change, and is all its delegates trust: no variable a caller could set names a contract.
 */
@Service
class IntegrationRuns {

    /** The status change being started on this thread; a start without one was not Pactum's. */
    private static final ThreadLocal<ContractStatusChanged> STARTING = new ThreadLocal<>();

    /** What a run pushes, as its row says. */
    record Run(String processInstanceId, long contractId, String contractNumber, String statusFrom, String statusTo,
               int sequence) {

        /** Stable over every retry of the same step, and different for every run and step. */
        String idempotencyKey(String step) {
            return contractNumber + ":" + sequence + ":" + statusTo + ":" + step;
        }
    }

    private final IntegrationProperties properties;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    IntegrationRuns(IntegrationProperties properties, RuntimeService runtime, IdentityService identity,
                    JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.runtime = runtime;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts a run for a status change that finance or the CRM is told of, in the caller's transaction. */
    void start(ContractStatusChanged change) {
        if (change.to() == null || !properties.pushOn().contains(change.to().name()) || !anyPeerPushes()) {
            return;
        }
        // The push is Pactum's, not the person's whose approval activated the contract (through the engine REST API
        // or Tasklist, where the engine checks that person's permissions): start it as the system.
        Authentication person = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        STARTING.set(change);
        try {
            runtime.startProcessInstanceByKey(IntegrationProcess.KEY, change.number());
        } finally {
            STARTING.remove();
            if (person != null) {
                identity.setAuthentication(person);
            }
        }
    }

    private boolean anyPeerPushes() {
        return properties.finance().pushes() || properties.crm().pushes();
    }

    /**
     * Binds a starting instance to the status change Pactum is starting it for, and says which peers it pushes to.
     *
     * @throws DomainException when the start is not Pactum's own (the engine REST API, Tasklist)
     */
    Map<String, Object> bind(String processInstanceId, String businessKey) {
        ContractStatusChanged change = STARTING.get();
        if (change == null || !change.number().equals(businessKey)) {
            throw DomainException.forbidden("pactum.integration.startRefused");
        }
        Integer earlier = jdbc.queryForObject("select count(*) from integration_run where contract_id = ?",
                Integer.class, change.contractId());
        jdbc.update("""
                insert into integration_run (process_instance_id, contract_id, contract_number, status_from,
                                             status_to, sequence, started_at)
                values (?, ?, ?, ?, ?, ?, ?)""", processInstanceId, change.contractId(), change.number(),
                change.from() == null ? null : change.from().name(), change.to().name(), earlier + 1,
                Timestamp.from(clock.instant()));
        return Map.of(IntegrationProcess.Var.PUSH_TO_FINANCE, properties.finance().pushes(),
                IntegrationProcess.Var.PUSH_TO_CRM, properties.crm().pushes());
    }

    /** The run bound to this instance; none means the instance may not act. */
    Run of(String processInstanceId) {
        return jdbc.query("""
                        select process_instance_id, contract_id, contract_number, status_from, status_to, sequence
                        from integration_run where process_instance_id = ?""",
                (rs, row) -> new Run(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)), processInstanceId)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.forbidden("pactum.integration.runUnknown", processInstanceId));
    }

    /** Records that a peer took the push, with the start of its answer. */
    void delivered(Run run, PeerSystem peer, String answer) {
        String column = peer == PeerSystem.FINANCE ? "finance" : "crm";
        String kept = answer == null ? null : answer.length() > 2000 ? answer.substring(0, 2000) : answer;
        jdbc.update("update integration_run set " + column + "_pushed_at = ?, " + column + "_answer = ? "
                + "where process_instance_id = ?", Timestamp.from(clock.instant()), kept, run.processInstanceId());
    }
}
