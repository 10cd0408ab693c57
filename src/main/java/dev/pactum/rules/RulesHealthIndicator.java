package dev.pactum.rules;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Readiness of the rules (health component {@code rules}): every contract's approval route and risk are decided by
 * them, so a node is not ready while its rules are still being compiled (OUT_OF_SERVICE) or failed to compile
 * (DOWN, with the file and line). Once compiled it shows the live rule set's version.
 */
class RulesHealthIndicator extends AbstractHealthIndicator {

    private final RuleBase rules;

    RulesHealthIndicator(RuleBase rules) {
        super("Rules health check failed");
        this.rules = rules;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        if (rules.isCompiled()) {
            health.up().withDetail("version", rules.version());
            return;
        }
        rules.compileFailure().ifPresentOrElse(
                failure -> health.down().withDetail("error", String.valueOf(failure.getMessage())),
                () -> health.outOfService().withDetail("compiling", true));
    }
}
