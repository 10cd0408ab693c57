package dev.pactum.reporting;

import dev.pactum.security.CurrentUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The API's rule for who sees which contract, as SQL for every list, count, chart and export here: reviewers see all
 * contracts, everyone else only their own. Every query in this package goes through {@link #predicate}.
 */
@Component
public class ContractVisibility {

    private final CurrentUser currentUser;

    public ContractVisibility(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** A condition on the contract table under {@code alias} that keeps only what the current user may see. */
    public String predicate(String alias, MapSqlParameterSource parameters) {
        if (currentUser.seesAllContracts()) {
            return "true";
        }
        parameters.addValue("viewer", currentUser.username());
        return alias + ".owner = :viewer";
    }

    public boolean seesAll() {
        return currentUser.seesAllContracts();
    }
}
