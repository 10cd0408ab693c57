package dev.pactum.rules;

import dev.pactum.policy.ContractFacts;

import java.math.BigDecimal;
import java.nio.file.Path;

/** The knowledge base compiled once from the project's {@code rules/} folder, the files the application ships. */
public final class ProjectRules {

    private static RuleBase ruleBase;

    private ProjectRules() {
    }

    public static synchronized RuleBase ruleBase() {
        if (ruleBase == null) {
            ruleBase = RuleBase.compile(Path.of("rules"));
        }
        return ruleBase;
    }

    /**
     * A contract that no default risk rule picks up: an established, punctual customer on short terms, our
     * liability capped at the amount.
     */
    public static ContractFacts.Builder unremarkableContract() {
        return ContractFacts.builder()
                .contractNumber("HT-2026-000001")
                .type("SALES")
                .amountCny(new BigDecimal("100000.00"))
                .paymentTermDays(30)
                .templateKey("sales-standard")
                .customerEarlierContracts(3)
                .customerHasOverduePayments(false)
                .liabilityCapCny(new BigDecimal("100000.00"));
    }
}
