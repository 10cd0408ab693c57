package dev.pactum.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the one line that says what to set, instead of the bean creation stack trace. */
class NoDatabaseConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseConfiguredException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Configure a database as the description says (README, \"Operations\").", cause);
    }
}
