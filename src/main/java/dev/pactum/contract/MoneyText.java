package dev.pactum.contract;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** An amount as people read it in Pactum's forms and messages: {@code ¥ 1,234,567.80 CNY}. */
public final class MoneyText {

    private MoneyText() {
    }

    public static String of(BigDecimal amount, String currencyCode) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.CHINA);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return "%s %s %s".formatted(Currency.getInstance(currencyCode).getSymbol(Locale.CHINA),
                format.format(amount), currencyCode);
    }
}
