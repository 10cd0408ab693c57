package dev.pactum.contract;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues contract numbers {@code HT-<year>-<6 digits>}. The per-year counter is bumped with a single
 * upsert, so concurrent callers queue on the row lock instead of racing to the same number.
 */
@Component
class ContractNumbers {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ContractNumbers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next() {
        int year = LocalDate.now(clock).getYear();
        Integer value = jdbc.queryForObject("""
                insert into contract_number_sequence (year, last_value) values (?, 1)
                on conflict (year) do update set last_value = contract_number_sequence.last_value + 1
                returning last_value""", Integer.class, year);
        return "HT-%d-%06d".formatted(year, value);
    }
}
