package dev.pactum.integration;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** BPMN service task {@code ${pushReceivablesToFinance}}: {@code PUT <finance url>/receivables/<contract number>}. */
@Component("pushReceivablesToFinance")
class PushReceivablesToFinance extends PushToPeer {

    private final OutboundMessages messages;

    PushReceivablesToFinance(IntegrationProperties properties, IntegrationRuns runs, ContractQueries contracts,
                             PeerClient client, OutboundMessages messages) {
        super(PeerSystem.FINANCE, properties, runs, contracts, client);
        this.messages = messages;
    }

    @Override
    String path(Contract contract) {
        return "/receivables/" + URLEncoder.encode(contract.getNumber(), StandardCharsets.UTF_8);
    }

    @Override
    byte[] body(Contract contract, IntegrationRuns.Run run, String idempotencyKey) {
        return messages.receivables(contract, run, idempotencyKey);
    }
}
