package dev.pactum.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.contract.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The generic JSON protocol's bodies (README, "Integrations"): the receivables schedule for finance and the contract
 * summary for the CRM. Built from the contract as the database holds it when the step runs.
 */
@Component
class OutboundMessages {

    static final String RECEIVABLES_PROTOCOL = "pactum.receivables.v1";
    static final String SUMMARY_PROTOCOL = "pactum.contract-summary.v1";

    private final ObjectMapper json;

    OutboundMessages(ObjectMapper json) {
        this.json = json;
    }

    byte[] receivables(Contract contract, IntegrationRuns.Run run, String idempotencyKey) {
        Map<String, Object> body = common(RECEIVABLES_PROTOCOL, contract, run, idempotencyKey);
        body.put("receivables", List.of(receivable(contract)));
        return write(body);
    }

    byte[] summary(Contract contract, IntegrationRuns.Run run, String idempotencyKey) {
        Map<String, Object> body = common(SUMMARY_PROTOCOL, contract, run, idempotencyKey);
        body.put("title", contract.getTitle());
        body.put("type", contract.getType() == null ? null : contract.getType().name());
        body.put("owner", contract.getOwner());
        body.put("paymentTermDays", contract.getPaymentTermDays());
        return write(body);
    }

    private static Map<String, Object> common(String protocol, Contract contract, IntegrationRuns.Run run,
                                              String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("protocol", protocol);
        body.put("idempotencyKey", idempotencyKey);
        body.put("contractNumber", contract.getNumber());
        body.put("status", run.statusTo());
        body.put("previousStatus", run.statusFrom());
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", contract.getCustomer().getName());
        customer.put("creditCode", contract.getCustomer().getCreditCode());
        body.put("customer", customer);
        body.put("amount", contract.getAmount());
        body.put("currency", contract.getCurrency());
        body.put("startDate", contract.getStartDate());
        body.put("endDate", contract.getEndDate());
        return body;
    }

    /**
     * The whole amount, due the payment term after the start. The payment schedule of the "After approval" feature
     * (milestones) replaces this one line when it lands.
     */
    private static Map<String, Object> receivable(Contract contract) {
        LocalDate start = contract.getStartDate();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sequence", 1);
        line.put("amount", contract.getAmount() == null ? BigDecimal.ZERO : contract.getAmount());
        line.put("dueDate", start == null ? null : start.plusDays(contract.getPaymentTermDays()));
        return line;
    }

    private byte[] write(Map<String, Object> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values is always JSON", e);
        }
    }
}
