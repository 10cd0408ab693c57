package dev.pactum.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.pactum.config.PactumProperties;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Amounts in other currencies reach the rules in CNY: a USD contract that skipped conversion would be compared with
 * CNY thresholds at a seventh of its size ({@code ApprovalPathsProcessTest} follows a USD contract through routing).
 */
class ExchangeRatesTest {

    /** The rates application.yaml ships. */
    private final ExchangeRates rates = rates(Map.of("CNY", new BigDecimal("1"), "USD", new BigDecimal("7.10"),
            "EUR", new BigDecimal("7.70"), "HKD", new BigDecimal("0.91"), "JPY", new BigDecimal("0.047")));

    @Test
    void anAmountIsMultipliedByItsCurrencysRate() {
        assertThat(rates.toCny(new BigDecimal("40000"), "USD")).isEqualTo(new BigDecimal("284000.00"));
        assertThat(rates.toCny(new BigDecimal("100000.00"), "EUR")).isEqualTo(new BigDecimal("770000.00"));
        assertThat(rates.toCny(new BigDecimal("1000000"), "JPY")).isEqualTo(new BigDecimal("47000.00"));
        assertThat(rates.toCny(new BigDecimal("49999.99"), "CNY")).isEqualTo(new BigDecimal("49999.99"));
    }

    @Test
    void theResultIsInFenRoundedHalfUp() {
        // 1.50 HKD = 1.365 CNY: half up gives 1.37 (half even would give 1.36)
        assertThat(rates.toCny(new BigDecimal("1.50"), "HKD")).isEqualTo(new BigDecimal("1.37"));
        // 0.01 JPY = 0.00047 CNY
        assertThat(rates.toCny(new BigDecimal("0.01"), "JPY")).isEqualTo(new BigDecimal("0.00"));
        assertThat(rates.toCny(new BigDecimal("7"), "USD")).isEqualTo(new BigDecimal("49.70"));
    }

    @Test
    void onlyConfiguredCurrenciesAreAccepted() {
        assertThat(rates.accepts("USD")).isTrue();
        assertThat(rates.accepts("GBP")).isFalse();
        assertThat(rates.accepts("usd")).isFalse();
        assertThat(rates.accepts(null)).isFalse();
        assertThat(rates.currencies()).containsExactly("CNY", "EUR", "HKD", "JPY", "USD");
        assertThatIllegalArgumentException().isThrownBy(() -> rates.toCny(BigDecimal.TEN, "GBP"))
                .withMessageContaining("GBP");
    }

    @Test
    void cnyIsAcceptedAtOneEvenWhenTheConfigurationLeavesItOut() {
        ExchangeRates usdOnly = rates(Map.of("USD", new BigDecimal("7.20")));
        ExchangeRates none = rates(null);

        assertThat(usdOnly.currencies()).containsExactly("CNY", "USD");
        assertThat(usdOnly.toCny(new BigDecimal("100"), "USD")).isEqualTo(new BigDecimal("720.00"));
        assertThat(usdOnly.toCny(new BigDecimal("123.4"), "CNY")).isEqualTo(new BigDecimal("123.40"));
        assertThat(none.currencies()).containsExactly("CNY");
        assertThat(none.accepts("CNY")).isTrue();
        assertThat(none.accepts("USD")).isFalse();
    }

    private static ExchangeRates rates(Map<String, BigDecimal> cnyPerUnit) {
        return new ExchangeRates(new PactumProperties(null, "Pactum", null, cnyPerUnit, null, null));
    }
}
