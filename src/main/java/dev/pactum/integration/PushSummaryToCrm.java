package dev.pactum.integration;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * BPMN service task {@code ${pushSummaryToCrm}}: {@code PUT <crm url>/contracts/<contract number>} over the generic
 * protocol, or Salesforce Account and Opportunity upserts when {@code pactum.integration.crm.protocol} is
 * {@code salesforce}.
 */
@Component("pushSummaryToCrm")
class PushSummaryToCrm extends PushToPeer {

    private final OutboundMessages messages;
    private final CrmAdapterProperties adapter;
    private final SalesforceUpserts salesforce;

    PushSummaryToCrm(IntegrationProperties properties, IntegrationRuns runs, ContractQueries contracts,
                     PeerClient client, OutboundMessages messages, CrmAdapterProperties adapter,
                     SalesforceUpserts salesforce) {
        super(PeerSystem.CRM, properties, runs, contracts, client);
        this.messages = messages;
        this.adapter = adapter;
        this.salesforce = salesforce;
    }

    @Override
    String deliver(IntegrationProperties.Peer settings, Contract contract, IntegrationRuns.Run run,
                   String idempotencyKey) {
        if (adapter.protocol() == CrmProtocol.SALESFORCE) {
            return salesforce.push(messages.crmSummary(contract, run), settings, adapter.salesforce());
        }
        return super.deliver(settings, contract, run, idempotencyKey);
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
