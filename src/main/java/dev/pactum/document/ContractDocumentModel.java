package dev.pactum.document;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.Customer;
import dev.pactum.contract.PaymentMilestone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a contract template may read: a snapshot of the contract taken inside the transaction that loaded
 * it, so rendering never touches a lazy association.
 *
 * @param sellerName our company (the {@code pactum.company-name} setting); the templates give it its role
 *                   in each contract type (卖方, 服务方, 采购方 …)
 * @param terms      the negotiated terms the layout states in the liability and term clauses
 * @param negotiatedClauses negotiated texts by clause id; the layout prints each instead of the template's
 *                   standard body of that clause. {@link ContractDocumentService} passes only the texts that
 *                   really differ from the standard ({@link ClauseLibrary#changedClauses})
 * @param milestones the payment schedule (回款计划) the layout states after the payment clause; empty: none
 */
public record ContractDocumentModel(
        String number,
        String title,
        String type,
        String typeLabel,
        BigDecimal amount,
        String currency,
        LocalDate startDate,
        LocalDate endDate,
        int paymentTermDays,
        Map<String, Object> fields,
        String sellerName,
        Counterparty customer,
        ContractTerms terms,
        Map<String, String> negotiatedClauses,
        List<PaymentMilestone> milestones) {

    public ContractDocumentModel(String number, String title, String type, String typeLabel, BigDecimal amount,
                                 String currency, LocalDate startDate, LocalDate endDate, int paymentTermDays,
                                 Map<String, Object> fields, String sellerName, Counterparty customer,
                                 ContractTerms terms, Map<String, String> negotiatedClauses) {
        this(number, title, type, typeLabel, amount, currency, startDate, endDate, paymentTermDays, fields,
                sellerName, customer, terms, negotiatedClauses, List.of());
    }

    public ContractDocumentModel {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        terms = terms == null ? ContractTerms.NONE : terms;
        negotiatedClauses = negotiatedClauses == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(negotiatedClauses));
    }

    /** The same contract with these negotiated clause texts (and no others). */
    public ContractDocumentModel withNegotiatedClauses(Map<String, String> clauses) {
        return new ContractDocumentModel(number, title, type, typeLabel, amount, currency, startDate, endDate,
                paymentTermDays, fields, sellerName, customer, terms, clauses, milestones);
    }

    /** The same contract with this payment schedule. */
    public ContractDocumentModel withMilestones(List<PaymentMilestone> schedule) {
        return new ContractDocumentModel(number, title, type, typeLabel, amount, currency, startDate, endDate,
                paymentTermDays, fields, sellerName, customer, terms, negotiatedClauses, schedule);
    }

    /**
     * When a milestone without a fixed date falls due, as the contract states it: 验收后 30 日内 (within 30 days
     * after acceptance), 签署后…, 起始日后…, 交付后….
     */
    public String dueAfterEvent(PaymentMilestone milestone) {
        if (milestone.event() == null) {
            return "";
        }
        String event = switch (milestone.event()) {
            case SIGNING -> "合同签署";
            case START -> "合同起始日";
            case ACCEPTANCE -> "验收";
            case DELIVERY -> "交付";
        };
        return event + "后 " + milestone.daysAfter() + " 日内";
    }

    public boolean isNegotiated(String clauseId) {
        return negotiatedClauses.containsKey(clauseId);
    }

    /**
     * The paragraphs of a clause's negotiated text: each non-blank line is one paragraph, so the layout can print
     * them as {@code <p>} elements. Empty when the clause keeps its standard text.
     */
    public List<String> negotiatedParagraphs(String clauseId) {
        String text = negotiatedClauses.get(clauseId);
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The customer as the contract names it. */
    public record Counterparty(String name, String creditCode, String contactName, String contactPhone,
                               String contactEmail) {
    }

    /** Reads the contract, its customer, its terms and all its negotiated clause texts; call it inside the transaction that loaded {@code contract}. */
    public static ContractDocumentModel of(Contract contract, String sellerName) {
        Customer customer = contract.getCustomer();
        return new ContractDocumentModel(
                contract.getNumber(),
                contract.getTitle(),
                contract.getType() == null ? null : contract.getType().name(),
                typeLabel(contract.getType()),
                contract.getAmount(),
                contract.getCurrency(),
                contract.getStartDate(),
                contract.getEndDate(),
                contract.getPaymentTermDays(),
                contract.getFields(),
                sellerName,
                new Counterparty(customer.getName(), customer.getCreditCode(), customer.getContactName(),
                        customer.getContactPhone(), customer.getContactEmail()),
                contract.getTerms(),
                contract.getClauses(),
                contract.getMilestones());
    }

    /** The heading a Chinese reader expects on each kind of contract. */
    public static String typeLabel(ContractType type) {
        if (type == null) {
            return "合同";
        }
        return switch (type) {
            case SALES -> "销售合同";
            case SERVICE -> "服务合同";
            case PURCHASE -> "采购合同";
            case NDA -> "保密协议";
        };
    }
}
