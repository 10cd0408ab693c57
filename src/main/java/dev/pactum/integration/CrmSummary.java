package dev.pactum.integration;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A contract's summary as plain values, for CRM adapters that shape their own bodies (Salesforce); the generic
 * protocol sends the same values as {@code pactum.contract-summary.v1}.
 */
record CrmSummary(String contractNumber, String status, String previousStatus, String title, String type,
                  String owner, BigDecimal amount, String currency, LocalDate startDate, LocalDate endDate,
                  int paymentTermDays, Customer customer) {

    record Customer(String name, String creditCode, String contactName, String contactEmail, String contactPhone) {
    }
}
