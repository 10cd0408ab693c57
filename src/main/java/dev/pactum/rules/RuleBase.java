package dev.pactum.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The knowledge base compiled from every rule file, and the version stamp recorded with each decision it makes.
 * Compiled once at start-up: a rule file that does not compile stops the application.
 */
@Component
public class RuleBase {

    /** Where KieBuilder expects resources; stripped again from compiler messages. */
    private static final String KIE_RESOURCE_ROOT = "src/main/resources/";

    private final KieBase kieBase;
    private final String version;

    @Autowired
    public RuleBase(RulesProperties properties, ResourcePatternResolver resolver) {
        this(RuleFiles.read(properties.location(), resolver));
    }

    private RuleBase(List<RuleSource> sources) {
        this.version = versionOf(sources);
        this.kieBase = build(sources, version);
    }

    /** Compiles every {@code *.drl} under {@code folder}, e.g. the project's {@code rules/} folder in tests. */
    public static RuleBase compile(Path folder) {
        return new RuleBase(RuleFiles.read(folder.toUri().toString(), new PathMatchingResourcePatternResolver()));
    }

    public static RuleBase compile(List<RuleSource> sources) {
        return new RuleBase(sources);
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** sha-256 hex over the rule files' names and contents: equal stamps mean identical rules. */
    public String version() {
        return version;
    }

    /**
     * Runs one decision in a fresh session: inserts {@code facts}, fires only the rules of {@code rulePackage}
     * (the DRL {@code package} names the decision) and returns the facts of {@code resultType} they inserted.
     */
    public <T> RuleResults<T> fire(String rulePackage, Collection<?> facts, Class<T> resultType) {
        KiePackage rules = kieBase.getKiePackage(rulePackage);
        if (rules == null || rules.getRules().isEmpty()) {
            throw new IllegalStateException("No rules in package " + rulePackage + " (rule set " + version + ")");
        }
        KieSession session = kieBase.newKieSession();
        try {
            facts.forEach(session::insert);
            session.fireAllRules(match -> match.getRule().getPackageName().equals(rulePackage));
            List<T> results = session.getObjects(new ClassObjectFilter(resultType)).stream()
                    .map(resultType::cast)
                    .toList();
            return new RuleResults<>(results, version);
        } finally {
            session.dispose();
        }
    }

    private static KieBase build(List<RuleSource> sources, String version) {
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId("dev.pactum", "pactum-rules", version);
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        sources.forEach(source -> files.write(KIE_RESOURCE_ROOT + source.name(), source.content()));
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors.stream()
                    .map(RuleBase::describe)
                    .collect(Collectors.joining("\n", "Rule files do not compile:\n", "")));
        }
        return kie.newKieContainer(releaseId).getKieBase();
    }

    private static String describe(Message error) {
        String path = error.getPath() == null ? "(rule set)" : error.getPath().replace(KIE_RESOURCE_ROOT, "");
        String line = error.getLine() > 0 ? " line " + error.getLine() : "";
        return path + line + ": " + error.getText();
    }

    private static String versionOf(List<RuleSource> sources) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
        sources.stream().sorted(Comparator.comparing(RuleSource::name)).forEach(source -> {
            sha256.update(source.name().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(source.content().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha256.digest());
    }
}
