package dev.pactum.reporting;

import dev.pactum.contract.ExchangeRates;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A contract's amount in CNY as SQL, with the configured exchange rates ({@code pactum.exchange-rates}), so totals over
 * contracts in several currencies add up the way the approval rules compare them.
 */
@Component
public class CnyAmount {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final String caseExpression;

    public CnyAmount(ExchangeRates rates) {
        // The rates are configuration numbers, not user input: written into the SQL as literals.
        this.caseExpression = rates.currencies().stream().sorted()
                .map(currency -> "when '" + currency.replaceAll("[^A-Z]", "") + "' then "
                        + rate(rates, currency))
                .collect(Collectors.joining(" ", "case %s.currency ", " end"));
    }

    /** ExchangeRates rounds to cents; converting a million units keeps a rate like JPY's 0.047 exact. */
    private static String rate(ExchangeRates rates, String currency) {
        return rates.toCny(MILLION, currency).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    /** {@code amount × rate} of the contract table under {@code alias}. */
    public String of(String alias) {
        return "(" + alias + ".amount * " + caseExpression.formatted(alias) + ")";
    }
}
