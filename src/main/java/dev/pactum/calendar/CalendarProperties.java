package dev.pactum.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company's working calendar (prefix {@code pactum.calendar}).
 *
 * @param holidays      public holidays that fall on a weekday (法定节假日): not working days
 * @param extraWorkdays make-up working days on a weekend (调休上班): working days
 */
@ConfigurationProperties(prefix = "pactum.calendar")
record CalendarProperties(@DefaultValue List<LocalDate> holidays, @DefaultValue List<LocalDate> extraWorkdays) {

    public CalendarProperties {
        holidays = List.copyOf(holidays);
        extraWorkdays = List.copyOf(extraWorkdays);
        Set<LocalDate> both = new java.util.HashSet<>(holidays);
        both.retainAll(extraWorkdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("pactum.calendar: dates both holiday and extra workday: " + both);
        }
    }
}
