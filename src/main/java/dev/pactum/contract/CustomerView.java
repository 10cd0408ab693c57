package dev.pactum.contract;

import java.math.BigDecimal;
import java.time.Instant;

public record CustomerView(Long id, String name, String creditCode, String contactName, String contactEmail,
                           String contactPhone, BigDecimal creditLimit, String creditLimitCurrency,
                           Boolean hasOverduePayments, Instant createdAt) {

    /** @param withCredit whether the reader handles credit (finance, directors, admins); others see no credit data */
    static CustomerView of(Customer customer, boolean withCredit) {
        return new CustomerView(customer.getId(), customer.getName(), customer.getCreditCode(),
                customer.getContactName(), customer.getContactEmail(), customer.getContactPhone(),
                withCredit ? customer.getCreditLimit() : null, withCredit ? customer.getCreditLimitCurrency() : null,
                withCredit ? customer.hasOverduePayments() : null, customer.getCreatedAt());
    }
}
