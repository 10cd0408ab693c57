package dev.pactum.contract;

import java.math.BigDecimal;
import java.time.Instant;

public record CustomerView(Long id, String name, String creditCode, String contactName, String contactEmail,
                           String contactPhone, BigDecimal creditLimit, String creditLimitCurrency,
                           boolean hasOverduePayments, Instant createdAt) {

    static CustomerView of(Customer customer) {
        return new CustomerView(customer.getId(), customer.getName(), customer.getCreditCode(),
                customer.getContactName(), customer.getContactEmail(), customer.getContactPhone(),
                customer.getCreditLimit(), customer.getCreditLimitCurrency(), customer.hasOverduePayments(),
                customer.getCreatedAt());
    }
}
