package dev.pactum.policy;

import dev.pactum.rules.RuleBase;
import dev.pactum.rules.RuleFiles;
import dev.pactum.rules.RuleSource;
import dev.pactum.rules.RulesProperties;
import dev.pactum.rules.RuleCompilationException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Puts a changed rule set live at run time. A candidate is compiled and checked against every fixture under its
 * folder first; if it does not compile or decides a fixture differently, the live rules stay as they are and the
 * error names the file and line, or the fixture and what differed.
 */
@Service
public class RuleSetReloader {

    private static final Logger log = LoggerFactory.getLogger(RuleSetReloader.class);

    private final RuleBase live;
    private final RulesProperties properties;
    private final ResourcePatternResolver resolver;

    public RuleSetReloader(RuleBase live, RulesProperties properties, ResourcePatternResolver resolver) {
        this.live = live;
        this.properties = properties;
        this.resolver = resolver;
    }

    /** Reloads the configured location ({@code pactum.rules.location}). */
    public synchronized RuleSetReload reload() {
        return reload(properties.location());
    }

    /**
     * @throws RuleCompilationException the candidate does not compile; the message names file and line
     * @throws RuleSetRejectedException the candidate compiles but decides a fixture differently
     */
    public synchronized RuleSetReload reload(String location) {
        String previous = live.version();
        try {
            List<RuleSource> sources = RuleFiles.read(location, resolver);
            RuleFixtures fixtures = RuleFixtures.parse(RuleFiles.readFixtures(location, resolver));
            RuleBase candidate = RuleBase.compile(sources);
            List<RuleFixtures.Failure> failures = fixtures.check(candidate);
            if (!failures.isEmpty()) {
                throw new RuleSetRejectedException(failures);
            }
            live.replaceWith(candidate);
            RuleSetReload reload = new RuleSetReload(candidate.version(), previous,
                    sources.stream().map(RuleSource::name).toList(), fixtures.cases().size());
            log.info("Rules reloaded from {}: version {} (was {}), {} files, {} fixture cases passed", location,
                    reload.version(), previous, reload.files().size(), reload.fixturesPassed());
            return reload;
        } catch (RuntimeException e) {
            log.warn("Rules under {} were not reloaded; version {} stays live:\n{}", location, previous,
                    e.getMessage());
            throw e;
        }
    }

    /**
     * @param version         the rule set now live
     * @param previousVersion the rule set it replaced (equal when nothing changed)
     * @param files           the rule files it was compiled from
     * @param fixturesPassed  fixture cases it was checked against, all passed
     */
    public record RuleSetReload(String version, String previousVersion, List<String> files, int fixturesPassed) {
    }

    /** The candidate compiles but breaks the rules' contract: the fixture cases it decides differently. */
    public static class RuleSetRejectedException extends RuntimeException {

        private final transient List<RuleFixtures.Failure> failures;

        public RuleSetRejectedException(List<RuleFixtures.Failure> failures) {
            super(failures.size() + " fixture case(s) fail:\n" + String.join("\n",
                    failures.stream().map(RuleFixtures.Failure::toString).toList()));
            this.failures = List.copyOf(failures);
        }

        public List<RuleFixtures.Failure> failures() {
            return failures;
        }
    }
}
