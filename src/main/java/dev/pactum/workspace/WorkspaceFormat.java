package dev.pactum.workspace;

import dev.pactum.config.PactumProperties;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** How the pages write times, dates, amounts and ages: in the company's zone and the reader's language. */
@Component("fmt")
public class WorkspaceFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    private final Clock clock;
    private final MessageSource messages;

    public WorkspaceFormat(PactumProperties properties, Clock clock, MessageSource messages) {
        this.zone = properties.zone();
        this.clock = clock;
        this.messages = messages;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** 1,234,567.00 */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount);
    }

    /** How long ago, in days, hours or minutes ("3 天 4 小时" / "3 d 4 h"). */
    public String age(Instant since) {
        if (since == null) {
            return "";
        }
        Duration age = Duration.between(since, clock.instant());
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        Locale locale = LocaleContextHolder.getLocale();
        if (age.toDays() > 0) {
            return messages.getMessage("pactum.workspace.age.days", new Object[] {age.toDays(), age.toHoursPart()},
                    locale);
        }
        if (age.toHours() > 0) {
            return messages.getMessage("pactum.workspace.age.hours", new Object[] {age.toHours(), age.toMinutesPart()},
                    locale);
        }
        return messages.getMessage("pactum.workspace.age.minutes", new Object[] {age.toMinutes()}, locale);
    }

    public boolean overdue(Instant due) {
        return due != null && due.isBefore(clock.instant());
    }

    /** Hours as days and hours where it reads better (cycle times). */
    public String hours(Double hours) {
        if (hours == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f", hours);
    }

    public ZoneId zone() {
        return zone;
    }
}
