package dev.pactum.integration;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both push steps do: find the run bound to this instance and its contract in the database, send the body to
 * the peer with the step's idempotency key, record the answer. A failed call throws: the engine retries the step
 * on its retry cycle and, when none is left or the peer refused the request (4xx), shows an incident in Cockpit.
 */
abstract class PushToPeer implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(PushToPeer.class);

    private final PeerSystem peer;
    private final IntegrationProperties properties;
    private final IntegrationRuns runs;
    private final ContractQueries contracts;
    private final PeerClient client;

    PushToPeer(PeerSystem peer, IntegrationProperties properties, IntegrationRuns runs, ContractQueries contracts,
               PeerClient client) {
        this.peer = peer;
        this.properties = properties;
        this.runs = runs;
        this.contracts = contracts;
        this.client = client;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IntegrationRuns.Run run = runs.of(execution.getProcessInstanceId());
        IntegrationProperties.Peer settings = properties.peer(peer);
        if (!settings.pushes()) {
            log.info("{} was switched off after run {} of {} started; nothing pushed", peer.id(),
                    run.sequence(), run.contractNumber());
            return;
        }
        Contract contract = contracts.get(run.contractId());
        String key = run.idempotencyKey(execution.getCurrentActivityId());
        String answer = deliver(settings, contract, run, key);
        runs.delivered(run, peer, answer);
    }

    /** Sends the body over the generic JSON protocol; a peer speaking another protocol overrides this. */
    String deliver(IntegrationProperties.Peer settings, Contract contract, IntegrationRuns.Run run,
                   String idempotencyKey) {
        return client.put(peer, settings, path(contract), idempotencyKey, body(contract, run, idempotencyKey));
    }

    abstract String path(Contract contract);

    abstract byte[] body(Contract contract, IntegrationRuns.Run run, String idempotencyKey);
}
