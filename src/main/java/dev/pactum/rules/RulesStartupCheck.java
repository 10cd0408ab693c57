package dev.pactum.rules;

import org.springframework.context.SmartLifecycle;

/**
 * Waits for the first compile of the rules at the very end of start-up, once every bean exists and the web server
 * listens (the readiness probe answers 503 meanwhile), so that a rule file that does not compile still stops the
 * application, with the file and line, and no request that needs the rules is let in before they are there.
 */
class RulesStartupCheck implements SmartLifecycle {

    private final RuleBase rules;
    private volatile boolean running;

    RulesStartupCheck(RuleBase rules) {
        this.rules = rules;
    }

    @Override
    public void start() {
        rules.awaitCompiled();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The last phase to start: after the web server (Boot's phase is {@code DEFAULT_PHASE - 2048}). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
