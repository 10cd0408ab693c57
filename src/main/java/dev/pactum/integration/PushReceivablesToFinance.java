package dev.pactum.integration;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * BPMN service task {@code ${pushReceivablesToFinance}}: {@code PUT <finance url>/receivables/<contract number>} over
 * the generic protocol, or Kingdee 应收单 when {@code pactum.integration.finance.protocol} is {@code kingdee}.
 */
@Component("pushReceivablesToFinance")
class PushReceivablesToFinance extends PushToPeer {

    private final OutboundMessages messages;
    private final FinanceAdapterProperties adapter;
    private final KingdeeReceivableBills kingdee;

    PushReceivablesToFinance(IntegrationProperties properties, IntegrationRuns runs, ContractQueries contracts,
                             PeerClient client, OutboundMessages messages, FinanceAdapterProperties adapter,
                             KingdeeReceivableBills kingdee) {
        super(PeerSystem.FINANCE, properties, runs, contracts, client);
        this.messages = messages;
        this.adapter = adapter;
        this.kingdee = kingdee;
    }

    @Override
    String deliver(IntegrationProperties.Peer settings, Contract contract, IntegrationRuns.Run run,
                   String idempotencyKey) {
        if (adapter.protocol() == FinanceProtocol.KINGDEE) {
            return kingdee.push(messages.schedule(contract, run), settings, adapter.kingdee());
        }
        return super.deliver(settings, contract, run, idempotencyKey);
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
