package dev.pactum.policy;

import dev.pactum.web.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A candidate rule set that cannot go live or be replayed: it does not compile, or it breaks its fixtures. */
class RulesRejectedException extends DomainException {

    private final String problemType;
    private final transient Map<String, Object> properties;

    private RulesRejectedException(Kind kind, String problemType, String errors, Map<String, Object> extra) {
        super(kind, "pactum.problem." + problemType + ".detail", errors);
        this.problemType = problemType;
        this.properties = new LinkedHashMap<>();
        properties.put("errors", errors.lines().filter(line -> !line.isBlank()).toList());
        properties.putAll(extra);
    }

    /** The files do not compile (or cannot be read); {@code errors} names file and line, one per line. */
    static RulesRejectedException invalid(Kind kind, String errors) {
        return new RulesRejectedException(kind, "rules-invalid", errors, Map.of());
    }

    static RulesRejectedException fixturesFailed(String errors, List<RuleFixtures.Failure> failures) {
        return new RulesRejectedException(Kind.UNPROCESSABLE, "rules-fixtures-failed", errors,
                failures.isEmpty() ? Map.of() : Map.of("failures", failures));
    }

    @Override
    public String problemType() {
        return problemType;
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
