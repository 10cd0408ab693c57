package dev.pactum.reporting;

import java.util.Locale;

/** A LIKE pattern (escape character backslash) for "contains this text", lower-cased; null for no text. */
final class SqlLike {

    private SqlLike() {
    }

    static String contains(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%" + text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
