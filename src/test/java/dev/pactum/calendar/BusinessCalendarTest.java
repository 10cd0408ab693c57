package dev.pactum.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    // 2026: 国庆 1-7 Oct (weekdays 1, 2, 5, 6, 7 off), 调休 workdays Sun 20 Sep and Sat 10 Oct.
    final BusinessCalendar calendar = new BusinessCalendar(SHANGHAI, new CalendarProperties(
            List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
            List.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10))));

    @Test
    void withinAWorkingDayHoursCountAsTheyAre() {
        assertThat(calendar.plusWorkingHours(at("2026-12-07T09:00"), 12)).isEqualTo(at("2026-12-07T21:00"));
    }

    @Test
    void aWeekendDoesNotCount() {
        // Friday 15:00 + 24h: 9h on Friday, nothing on Saturday and Sunday, 15h on Monday.
        assertThat(calendar.plusWorkingHours(at("2026-12-04T15:00"), 24)).isEqualTo(at("2026-12-07T15:00"));
        // Started on a Saturday, the clock starts on Monday at midnight.
        assertThat(calendar.plusWorkingHours(at("2026-12-05T10:00"), 24)).isEqualTo(at("2026-12-08T00:00"));
    }

    @Test
    void aPublicHolidayOnAWeekdayDoesNotCount() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        // Wednesday 30 Sep 12:00 + 24h: 12h on the 30th, 1-7 Oct off (3-4 the weekend), 12h on Thursday the 8th.
        assertThat(calendar.plusWorkingHours(at("2026-09-30T12:00"), 24)).isEqualTo(at("2026-10-08T12:00"));
    }

    @Test
    void aMakeUpWorkdayOnAWeekendCounts() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 19))).isFalse();
        // Saturday 19 Sep 10:00 + 24h: the make-up Sunday counts whole.
        assertThat(calendar.plusWorkingHours(at("2026-09-19T10:00"), 24)).isEqualTo(at("2026-09-21T00:00"));
    }

    @Test
    void anSlaSpanningTheNationalDayHolidayResumesAfterIt() {
        // 48h from Wed 30 Sep 18:00: 6h on the 30th, 1-7 Oct off, 24h on Thu 8th, 18h on Fri 9th.
        assertThat(calendar.plusWorkingHours(at("2026-09-30T18:00"), 48)).isEqualTo(at("2026-10-09T18:00"));
        // 72h: the make-up Saturday 10 Oct counts, Sunday 11 does not.
        assertThat(calendar.plusWorkingHours(at("2026-09-30T18:00"), 72)).isEqualTo(at("2026-10-10T18:00"));
        assertThat(calendar.plusWorkingHours(at("2026-09-30T18:00"), 84)).isEqualTo(at("2026-10-12T06:00"));
    }

    @Test
    void anSlaEndingExactlyAtMidnightBeforeAWeekendEndsThenNotOnMonday() {
        // Friday 4 Dec 15:00 + 9h: the last 9 hours of Friday; the SLA is due at its end, Saturday 00:00.
        assertThat(calendar.plusWorkingHours(at("2026-12-04T15:00"), 9)).isEqualTo(at("2026-12-05T00:00"));
        assertThat(calendar.plusWorkingHours(at("2026-12-04T00:00"), 24)).isEqualTo(at("2026-12-05T00:00"));
        assertThat(calendar.plusWorkingHours(at("2026-12-03T00:00"), 48)).isEqualTo(at("2026-12-05T00:00"));
        // One second more runs into Monday.
        assertThat(calendar.plusWorkingTime(at("2026-12-04T15:00"), Duration.ofHours(9).plusSeconds(1)))
                .isEqualTo(at("2026-12-07T00:00:01"));
    }

    @Test
    void anSlaEndingExactlyAtMidnightBeforeAHolidayEndsThen() {
        // Wednesday 30 Sep 12:00 + 12h ends as 国庆 begins, Thursday 1 Oct 00:00, not on Thursday the 8th.
        assertThat(calendar.plusWorkingHours(at("2026-09-30T12:00"), 12)).isEqualTo(at("2026-10-01T00:00"));
        // The make-up Saturday 10 Oct is followed by a Sunday: 24h from its start end at Sunday 00:00.
        assertThat(calendar.plusWorkingHours(at("2026-10-10T00:00"), 24)).isEqualTo(at("2026-10-11T00:00"));
    }

    @Test
    void noWorkingTimeEndsWhereItStartsOnAWorkingDayAndAtTheNextOneOtherwise() {
        assertThat(calendar.plusWorkingHours(at("2026-12-07T10:30"), 0)).isEqualTo(at("2026-12-07T10:30"));
        assertThat(calendar.plusWorkingHours(at("2026-12-05T10:30"), 0)).isEqualTo(at("2026-12-07T00:00"));
    }

    @Test
    void fractionsOfAnHourCountToTheSecond() {
        assertThat(calendar.plusWorkingHours(at("2026-12-07T09:00"), 12.5)).isEqualTo(at("2026-12-07T21:30"));
        assertThat(calendar.plusWorkingHours(at("2026-12-07T09:00"), 1 / 3600.0)).isEqualTo(at("2026-12-07T09:00:01"));
    }

    @Test
    void negativeWorkingTimeIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar.plusWorkingTime(at("2026-12-07T09:00"), Duration.ofSeconds(-1)));
    }

    @Test
    void aCalendarWithoutWorkingDaysFailsInsteadOfLoopingForever() {
        LocalDate first = LocalDate.of(2026, 12, 7);
        List<LocalDate> everyWeekday = first.datesUntil(first.plusYears(11))
                .filter(day -> day.getDayOfWeek().getValue() < 6).toList();
        BusinessCalendar noWorkingDays = new BusinessCalendar(SHANGHAI, new CalendarProperties(everyWeekday, List.of()));

        assertThatIllegalStateException().isThrownBy(() -> noWorkingDays.plusWorkingHours(at("2026-12-07T09:00"), 1))
                .withMessageContaining("no end");
    }

    @Test
    void aDayCannotBeBothHolidayAndMakeUpWorkday() {
        LocalDate day = LocalDate.of(2026, 10, 10);
        assertThatIllegalArgumentException().isThrownBy(() -> new CalendarProperties(List.of(day), List.of(day)))
                .withMessageContaining("2026-10-10");
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
