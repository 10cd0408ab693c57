package dev.pactum.contract;

/**
 * What another system (the CRM) knows of a customer, found by its 统一社会信用代码. A null field is not known to the
 * sender and leaves the customer's value as it is; credit data stays finance's and is not part of it.
 */
public record CustomerUpdate(String creditCode, String name, String contactName, String contactEmail,
                             String contactPhone) {
}
