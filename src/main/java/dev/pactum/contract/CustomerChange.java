package dev.pactum.contract;

/**
 * One value of a customer that another system changed: the field's name as the API shows it ({@code name},
 * {@code contactName}, {@code contactEmail}, {@code contactPhone}, {@code creditLimit}) and its values as text.
 */
public record CustomerChange(String field, String from, String to) {
}
