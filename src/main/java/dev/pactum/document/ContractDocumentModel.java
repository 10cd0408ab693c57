package dev.pactum.document;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a contract template may read: a snapshot of the contract taken inside the transaction that loaded
 * it, so rendering never touches a lazy association.
 *
 * @param sellerName our company (the {@code pactum.company-name} setting); the templates give it its role
 *                   in each contract type (卖方, 服务方, 采购方 …)
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
        Counterparty customer) {

    public ContractDocumentModel {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The customer as the contract names it. */
    public record Counterparty(String name, String creditCode, String contactName, String contactPhone,
                               String contactEmail) {
    }

    /** Reads the contract and its customer; call it inside the transaction that loaded {@code contract}. */
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
                        customer.getContactPhone(), customer.getContactEmail()));
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
