package dev.pactum.web;

/**
 * One bad field of a request.
 *
 * @param field      the field's name as the client sent it
 * @param messageKey a key of the message bundles, resolved in the caller's language
 * @param args       arguments for the message
 */
public record FieldProblem(String field, String messageKey, Object... args) {
}
