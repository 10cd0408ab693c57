package dev.pactum.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.contract.Contract;
import dev.pactum.contract.Customer;
import dev.pactum.obligation.MilestoneView;
import dev.pactum.obligation.PaymentService;
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
    private final PaymentService payments;

    OutboundMessages(ObjectMapper json, PaymentService payments) {
        this.json = json;
        this.payments = payments;
    }

    byte[] receivables(Contract contract, IntegrationRuns.Run run, String idempotencyKey) {
        Map<String, Object> body = common(RECEIVABLES_PROTOCOL, contract, run, idempotencyKey);
        body.put("receivables", receivables(contract));
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

    /** The summary as plain values, for adapters that shape their own bodies (Salesforce). */
    CrmSummary crmSummary(Contract contract, IntegrationRuns.Run run) {
        Customer customer = contract.getCustomer();
        return new CrmSummary(contract.getNumber(), run.statusTo(), run.statusFrom(), contract.getTitle(),
                contract.getType() == null ? null : contract.getType().name(), contract.getOwner(),
                contract.getAmount(), contract.getCurrency(), contract.getStartDate(), contract.getEndDate(),
                contract.getPaymentTermDays(), new CrmSummary.Customer(customer.getName(), customer.getCreditCode(),
                customer.getContactName(), customer.getContactEmail(), customer.getContactPhone()));
    }

    /** The receivables as plain values, for adapters that shape their own bodies (Kingdee). */
    ReceivableSchedule schedule(Contract contract, IntegrationRuns.Run run) {
        List<MilestoneView> milestones = payments.milestones(contract);
        List<ReceivableSchedule.Line> lines = milestones.isEmpty()
                ? List.of(wholeAmount(contract))
                : milestones.stream().map(milestone -> new ReceivableSchedule.Line(milestone.id(),
                        milestone.description(), milestone.amount(), milestone.dueDate())).toList();
        return new ReceivableSchedule(contract.getNumber(), run.statusTo(), contract.getCustomer().getName(),
                contract.getCustomer().getCreditCode(), contract.getCurrency(), lines);
    }

    /** A contract without a schedule owes its whole amount the payment term after the start. */
    private static ReceivableSchedule.Line wholeAmount(Contract contract) {
        LocalDate start = contract.getStartDate();
        return new ReceivableSchedule.Line(1, null,
                contract.getAmount() == null ? BigDecimal.ZERO : contract.getAmount(),
                start == null ? null : start.plusDays(contract.getPaymentTermDays()));
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
     * One line per payment milestone (回款计划), with its due date once the contract is active and its status; a
     * contract without a schedule owes its whole amount the payment term after the start, as one line.
     */
    private List<Map<String, Object>> receivables(Contract contract) {
        List<MilestoneView> milestones = payments.milestones(contract);
        if (milestones.isEmpty()) {
            ReceivableSchedule.Line whole = wholeAmount(contract);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sequence", whole.sequence());
            line.put("amount", whole.amount());
            line.put("dueDate", whole.dueDate());
            return List.of(line);
        }
        return milestones.stream().map(milestone -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sequence", milestone.id());
            line.put("milestoneId", milestone.id());
            line.put("description", milestone.description());
            line.put("amount", milestone.amount());
            line.put("dueDate", milestone.dueDate());
            line.put("status", milestone.status().name());
            line.put("received", milestone.received());
            return line;
        }).toList();
    }

    private byte[] write(Map<String, Object> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values is always JSON", e);
        }
    }
}
