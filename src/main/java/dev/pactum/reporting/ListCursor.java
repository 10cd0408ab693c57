package dev.pactum.reporting;

import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * Where a keyset page ends: the sort key and direction, and the last row's sort value and id. Opaque to clients
 * (base64url); the next page starts strictly after it, so deep pages cost what the first does and no row is skipped
 * or repeated when rows are added meanwhile.
 */
record ListCursor(String sortKey, boolean ascending, String value, long id) {

    private static final String VERSION = "1";

    String encode() {
        String plain = String.join("\n", VERSION, sortKey, ascending ? "asc" : "desc", Long.toString(id), value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The last row's sort value as the JDBC type of its column. */
    Object typedValue() {
        return switch (ContractFilter.SORTS.get(sortKey).sqlType()) {
            case "timestamptz" -> OffsetDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC);
            case "numeric" -> new BigDecimal(value);
            case "date" -> LocalDate.parse(value);
            default -> value;
        };
    }

    /** The cursor a client sent back; a 400 problem on the {@code cursor} parameter if it is not one of ours. */
    static ListCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", 5);
            if (parts.length == 5 && parts[0].equals(VERSION) && ContractFilter.sortable(parts[1])
                    && (parts[2].equals("asc") || parts[2].equals("desc"))) {
                ListCursor cursor = new ListCursor(parts[1], parts[2].equals("asc"), parts[4],
                        Long.parseLong(parts[3]));
                cursor.typedValue();
                return cursor;
            }
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            // falls through to the problem below
        }
        throw new InvalidRequestException(List.of(new FieldProblem("cursor", "pactum.list.cursorInvalid")));
    }
}
