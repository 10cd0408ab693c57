package dev.pactum.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Unsaved contracts and customers for tests of features that only read them (templates, clauses, documents):
 * production code outside {@code contract} cannot change a contract, tests set one up through here.
 */
public final class ContractFixtures {

    private ContractFixtures() {
    }

    public static Contract contract(String number, Customer customer, String owner, String title, ContractType type,
                                    String templateKey, String amount, LocalDate start, LocalDate end,
                                    int paymentTermDays) {
        Contract contract = new Contract(number, customer, owner);
        contract.setTitle(title);
        contract.setType(type);
        contract.setTemplateKey(templateKey);
        contract.setAmount(new BigDecimal(amount));
        contract.setCurrency("CNY");
        contract.setStartDate(start);
        contract.setEndDate(end);
        contract.setPaymentTermDays(paymentTermDays);
        return contract;
    }

    public static Customer customer(String name, String creditCode, String contactName, String contactPhone,
                                    String contactEmail) {
        Customer customer = new Customer(name, creditCode);
        customer.setContactName(contactName);
        customer.setContactPhone(contactPhone);
        customer.setContactEmail(contactEmail);
        return customer;
    }

    public static void setClauses(Contract contract, Map<String, String> clauses) {
        contract.setClauses(clauses);
    }

    public static void setTerms(Contract contract, ContractTerms terms) {
        contract.setTerms(terms);
    }

    public static void setFields(Contract contract, Map<String, Object> fields) {
        contract.setFields(fields);
    }
}
