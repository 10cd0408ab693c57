package dev.pactum.notification;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * How long to snooze a notification: {@code for} one day ({@code P1D}) or a week ({@code P7D}), or {@code until} a
 * moment (ISO 8601 with its offset) after now and at most {@link #LONGEST} ahead. Exactly one of the two.
 */
record SnoozeRequest(@JsonProperty("for") String period, String until) {

    static final Set<String> PERIODS = Set.of("P1D", "P7D");
    static final Duration LONGEST = Duration.ofDays(30);

    /** When the notification comes back; every problem of the request at once, before anything is written. */
    Instant resolve(Instant now) {
        boolean hasPeriod = period != null && !period.isBlank();
        boolean hasUntil = until != null && !until.isBlank();
        if (hasPeriod == hasUntil) {
            throw new InvalidRequestException(List.of(new FieldProblem(hasPeriod ? "until" : "for",
                    "pactum.notification.snooze.oneOf")));
        }
        if (hasPeriod) {
            if (!PERIODS.contains(period.trim())) {
                throw new InvalidRequestException(List.of(new FieldProblem("for", "pactum.notification.snooze.for",
                        period)));
            }
            return now.plus(Duration.parse(period.trim()));
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(until.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("until",
                    "pactum.notification.snooze.untilFormat", until)));
        }
        if (!at.isAfter(now) || at.isAfter(now.plus(LONGEST))) {
            throw new InvalidRequestException(List.of(new FieldProblem("until",
                    "pactum.notification.snooze.untilRange", until, LONGEST.toDays())));
        }
        return at;
    }
}
