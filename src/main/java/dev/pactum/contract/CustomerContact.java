package dev.pactum.contract;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What users may change of a customer after it was registered: its name and whom to talk to there, checked as on
 * registration ({@link NewCustomer}). The 统一社会信用代码 identifies the company and never changes; credit data is
 * finance's ({@link CreditData}).
 */
public record CustomerContact(@NotBlank @Size(max = 200) String name,
                              @Size(max = 100) String contactName,
                              @Email @Size(max = 200) String contactEmail,
                              @Size(max = 50) String contactPhone) {

    public CustomerContact {
        name = name == null ? null : name.trim();
        contactName = blankToNull(contactName);
        contactEmail = blankToNull(contactEmail);
        contactPhone = blankToNull(contactPhone);
    }

    public static CustomerContact of(Customer customer) {
        return new CustomerContact(customer.getName(), customer.getContactName(), customer.getContactEmail(),
                customer.getContactPhone());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
