package dev.pactum.document;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/** Formatting helpers a contract template reaches as {@code $fmt}: the way Chinese contracts write numbers and dates. */
public final class TemplateFormats {

    /** A blank to fill in by hand where a standard text (范本) has no amount yet. */
    static final String BLANK = "________";

    /** {@code 1000010.5} → {@code 1,000,010.50}. */
    public String amount(BigDecimal amount) {
        if (amount == null) {
            return BLANK;
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount);
    }

    /** {@code 1000010.5} → {@code 壹佰万零壹拾元伍角整}; the template puts the currency name in front. */
    public String capital(BigDecimal amount) {
        return amount == null ? BLANK : ChineseAmountWords.format(amount);
    }

    /** {@code 5.00} → {@code 5}, {@code 7.50} → {@code 7.5}: a percentage as a contract writes it. */
    public String percent(BigDecimal percent) {
        return percent == null ? "" : percent.stripTrailingZeros().toPlainString();
    }

    /** {@code 2026-03-01} → {@code 2026年3月1日}. */
    public String date(LocalDate date) {
        if (date == null) {
            return "____年__月__日";
        }
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
