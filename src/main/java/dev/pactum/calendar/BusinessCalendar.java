package dev.pactum.calendar;

import dev.pactum.config.PactumProperties;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Working days in the company's zone: Monday to Friday, less the configured public holidays, plus the configured
 * make-up working days (调休). An SLA counts the whole 24 hours of each working day and nothing of any other day:
 * 24 SLA hours started on Friday 15:00 end on Monday 15:00; started on Saturday, they end on Tuesday 00:00.
 * Whole days (not office hours) because approvers in China routinely approve on their phones in the evening, and
 * because "24 hours" then still reads as "one working day" to everyone.
 */
@Component
@EnableConfigurationProperties(CalendarProperties.class)
public class BusinessCalendar {

    /** No real SLA spans this many calendar days; a calendar that claims it does is misconfigured. */
    private static final int MAX_DAYS = 3660;

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkdays;

    @Autowired
    public BusinessCalendar(PactumProperties pactum, CalendarProperties calendar) {
        this(pactum.zone(), calendar);
    }

    BusinessCalendar(ZoneId zone, CalendarProperties calendar) {
        this.zone = zone;
        this.holidays = Set.copyOf(calendar.holidays());
        this.extraWorkdays = Set.copyOf(calendar.extraWorkdays());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (extraWorkdays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /** The instant when {@code workingTime} of working-day time has passed after {@code start}. */
    public Instant plusWorkingTime(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("negative working time " + workingTime);
        }
        ZonedDateTime at = start.atZone(zone);
        Duration left = workingTime;
        for (int day = 0; day < MAX_DAYS; day++) {
            ZonedDateTime nextMidnight = at.toLocalDate().plusDays(1).atStartOfDay(zone);
            if (isWorkingDay(at.toLocalDate())) {
                Duration restOfDay = Duration.between(at, nextMidnight);
                if (left.compareTo(restOfDay) <= 0) {
                    return at.plus(left).toInstant();
                }
                left = left.minus(restOfDay);
            }
            at = nextMidnight;
        }
        throw new IllegalStateException("no end for %s of working time after %s within %d days"
                .formatted(workingTime, start, MAX_DAYS));
    }

    public Instant plusWorkingHours(Instant start, double hours) {
        return plusWorkingTime(start, Duration.ofSeconds(Math.round(hours * 3600)));
    }
}
