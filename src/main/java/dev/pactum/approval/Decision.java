package dev.pactum.approval;

import java.util.Locale;
import java.util.Optional;

/** What an approver decides; the form's {@code decision} field carries it in lower case. */
public enum Decision {
    APPROVE,
    REJECT,
    REVISE;

    public static Optional<Decision> parse(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.toString().trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean needsComment() {
        return this != APPROVE;
    }
}
