package dev.pactum.integration;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** BPMN service task {@code ${pushSummaryToCrm}}: {@code PUT <crm url>/contracts/<contract number>}. */
@Component("pushSummaryToCrm")
class PushSummaryToCrm extends PushToPeer {

    private final OutboundMessages messages;

    PushSummaryToCrm(IntegrationProperties properties, IntegrationRuns runs, ContractQueries contracts,
                     PeerClient client, OutboundMessages messages) {
        super(PeerSystem.CRM, properties, runs, contracts, client);
        this.messages = messages;
    }

    @Override
    String path(Contract contract) {
        return "/contracts/" + URLEncoder.encode(contract.getNumber(), StandardCharsets.UTF_8);
    }

    @Override
    byte[] body(Contract contract, IntegrationRuns.Run run, String idempotencyKey) {
        return messages.summary(contract, run, idempotencyKey);
    }
}
