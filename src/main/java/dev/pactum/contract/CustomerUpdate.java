package dev.pactum.contract;

import java.math.BigDecimal;

/**
 * What another system (the CRM) knows of a customer, found by its 统一社会信用代码. A null field is not known to the
 * sender and leaves the customer's value as it is. {@code creditLimit} is null unless the CRM is trusted with credit
 * data ({@code pactum.integration.crm.credit-limit-from-crm}); it is in the customer's credit currency.
 */
public record CustomerUpdate(String creditCode, String name, String contactName, String contactEmail,
                             String contactPhone, BigDecimal creditLimit) {
}
