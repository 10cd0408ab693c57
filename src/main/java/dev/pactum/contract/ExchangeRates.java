package dev.pactum.contract;

import dev.pactum.config.PactumProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Converts amounts to CNY with the configured rates ({@code pactum.exchange-rates}), so rules compare like with like. */
@Component
public class ExchangeRates {

    private final Map<String, BigDecimal> cnyPerUnit;

    public ExchangeRates(PactumProperties properties) {
        this.cnyPerUnit = new TreeMap<>(properties.exchangeRates() == null ? Map.of("CNY", BigDecimal.ONE)
                : properties.exchangeRates());
        this.cnyPerUnit.putIfAbsent("CNY", BigDecimal.ONE);
    }

    public boolean accepts(String currency) {
        return currency != null && cnyPerUnit.containsKey(currency);
    }

    public Set<String> currencies() {
        return cnyPerUnit.keySet();
    }

    public BigDecimal toCny(BigDecimal amount, String currency) {
        BigDecimal rate = cnyPerUnit.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException("No exchange rate for " + currency);
        }
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }
}
