package dev.pactum.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The knowledge base compiled from every rule file (DRL and spreadsheet decision tables), and the version stamp
 * recorded with each decision it makes. The application's rules are compiled on a thread of their own from the very
 * start ({@link RuleCompileInitializer}), alongside PostgreSQL, Hibernate and the engine; start-up waits for them at
 * its end ({@link RulesStartupCheck}) and readiness stays down until they are compiled ({@link RulesHealthIndicator}),
 * so a rule file that does not compile still stops the application. A call that needs the rules before then waits
 * for them. The application's bean is the live rule set; the policy package's {@code RuleSetReloader} swaps a checked
 * candidate in with {@link #replaceWith(RuleBase)}, atomically, so each decision runs wholly on one version.
 */
@Component
public class RuleBase {

    private static final Logger log = LoggerFactory.getLogger(RuleBase.class);

    /** Where KieBuilder expects resources; stripped again from compiler messages. */
    private static final String KIE_RESOURCE_ROOT = "src/main/resources/";

    /** The DRL generated from a decision table is compiled under the table's name plus this suffix. */
    private static final String GENERATED_DRL_SUFFIX = ".generated.drl";

    /** SpreadsheetCompiler writes this comment above each rule it generates from a row. */
    private static final Pattern ROW_COMMENT = Pattern.compile("// rule values at ([A-Z]+)(\\d+)");

    private static final Pattern QUOTED_EXPRESSION = Pattern.compile("Expression (.+?):\\s*$", Pattern.MULTILINE);

    /** The first compile; {@link #live} is empty until it is done, or until a reload put other rules live. */
    private final CompletableFuture<Compiled> initial;

    private final AtomicReference<Compiled> live = new AtomicReference<>();

    @Autowired
    public RuleBase(RulesProperties properties, ResourcePatternResolver resolver,
                    ObjectProvider<InitialRuleCompile> startedEarly) {
        this(startedEarly.stream().filter(early -> early.location().equals(properties.location()))
                .map(InitialRuleCompile::compiled).findFirst()
                .orElseGet(() -> InitialRuleCompile.start(properties.location(), resolver).compiled()));
    }

    /** The rules under {@code properties.location()}, compiled on a thread of their own from now on. */
    public RuleBase(RulesProperties properties, ResourcePatternResolver resolver) {
        this(InitialRuleCompile.start(properties.location(), resolver).compiled());
    }

    RuleBase(CompletableFuture<Compiled> initial) {
        this.initial = initial;
    }

    private RuleBase(Compiled compiled) {
        this(CompletableFuture.completedFuture(compiled));
    }

    /** Compiles every rule file under {@code folder}, e.g. the project's {@code rules/} folder in tests. */
    public static RuleBase compile(Path folder) {
        return compile(RuleFiles.read(folder.toUri().toString(), new PathMatchingResourcePatternResolver()));
    }

    public static RuleBase compile(List<RuleSource> sources) {
        return new RuleBase(Compiled.of(sources));
    }

    /** Reads and compiles the rule files under {@code location}, on the calling thread. */
    static Compiled compile(String location, ResourcePatternResolver resolver) {
        long began = System.nanoTime();
        Compiled compiled = Compiled.of(RuleFiles.read(location, resolver));
        log.info("Rules compiled from {} in {} ms: version {}, {} files", location,
                (System.nanoTime() - began) / 1_000_000, compiled.version(), compiled.sources().size());
        return compiled;
    }

    /** Whether rules are live: the first compile has succeeded (or a reload put rules live). Never waits. */
    public boolean isCompiled() {
        return live.get() != null || (initial.isDone() && !initial.isCompletedExceptionally());
    }

    /** Why the first compile failed, if it has; empty while it runs or once it succeeded. Never waits. */
    public Optional<RuntimeException> compileFailure() {
        if (!initial.isCompletedExceptionally() || live.get() != null) {
            return Optional.empty();
        }
        try {
            initial.join();
            return Optional.empty();
        } catch (CompletionException | CancellationException e) {
            return Optional.of(unwrap(e));
        }
    }

    /** Waits for the first compile. @throws RuleCompilationException the rule files do not compile */
    public void awaitCompiled() {
        live();
    }

    public KieBase kieBase() {
        return live().kieBase();
    }

    /** sha-256 hex over the rule files' names and contents: equal stamps mean identical rules. */
    public String version() {
        return live().version();
    }

    /** The files this rule set was compiled from, sorted by name. */
    public List<RuleSource> sources() {
        return live().sources();
    }

    /**
     * The rules live right now, held fixed: a decision that fires several rule packages runs them all on one
     * version even if a reload puts another live meanwhile.
     */
    public RuleBase pinned() {
        return new RuleBase(live());
    }

    /** Makes {@code candidate}'s rules the ones every later decision runs on. */
    public void replaceWith(RuleBase candidate) {
        live.set(candidate.live());
    }

    /** The first compile this rule set waits for (tests check that the early compile is the one taken over). */
    CompletableFuture<Compiled> initialCompile() {
        return initial;
    }

    private Compiled live() {
        Compiled compiled = live.get();
        if (compiled != null) {
            return compiled;
        }
        try {
            compiled = initial.join();
        } catch (CompletionException | CancellationException e) {
            throw unwrap(e);
        }
        // A reload that put other rules live while the first compile ran wins.
        live.compareAndSet(null, compiled);
        return live.get();
    }

    private static RuntimeException unwrap(RuntimeException e) {
        return e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
    }

    /**
     * Runs one decision in a fresh session: inserts {@code facts}, fires only the rules of {@code rulePackage}
     * (the DRL {@code package} names the decision) and returns the facts of {@code resultType} they inserted.
     */
    public <T> RuleResults<T> fire(String rulePackage, Collection<?> facts, Class<T> resultType) {
        RuleOutcome outcome = fire(rulePackage, facts);
        return new RuleResults<>(outcome.resultsOf(resultType), outcome.ruleSetVersion());
    }

    /** Runs one decision as {@link #fire(String, Collection, Class)} and returns every fact left in the session. */
    public RuleOutcome fire(String rulePackage, Collection<?> facts) {
        Compiled rules = live();
        KiePackage decision = rules.kieBase().getKiePackage(rulePackage);
        if (decision == null || decision.getRules().isEmpty()) {
            throw new IllegalStateException("No rules in package " + rulePackage + " (rule set " + rules.version() + ")");
        }
        KieSession session = rules.kieBase().newKieSession();
        try {
            facts.forEach(session::insert);
            session.fireAllRules(match -> match.getRule().getPackageName().equals(rulePackage));
            return new RuleOutcome(new ArrayList<>(session.getObjects()), rules.version());
        } finally {
            session.dispose();
        }
    }

    record Compiled(KieBase kieBase, String version, List<RuleSource> sources) {

        static Compiled of(List<RuleSource> sources) {
            List<RuleSource> sorted = sources.stream().sorted(Comparator.comparing(RuleSource::name)).toList();
            String version = versionOf(sorted);
            return new Compiled(build(sorted, version), version, sorted);
        }
    }

    private static KieBase build(List<RuleSource> sources, String version) {
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId("dev.pactum", "pactum-rules", version);
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        Map<String, String> generatedDrl = new HashMap<>();
        List<String> tableErrors = new ArrayList<>();
        for (RuleSource source : sources) {
            if (source.isDecisionTable()) {
                try {
                    String drl = toDrl(source);
                    generatedDrl.put(source.name(), drl);
                    files.write(KIE_RESOURCE_ROOT + source.name() + GENERATED_DRL_SUFFIX, drl);
                } catch (RuntimeException e) {
                    tableErrors.add(source.name() + ": " + rootMessage(e));
                }
            } else {
                files.write(KIE_RESOURCE_ROOT + source.name(), source.content());
            }
        }
        if (!tableErrors.isEmpty()) {
            throw new RuleCompilationException(String.join("\n", tableErrors));
        }
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors.stream()
                    .map(error -> describe(error, generatedDrl))
                    .distinct()
                    .collect(Collectors.joining("\n", "Rule files do not compile:\n", "")));
        }
        return kie.newKieContainer(releaseId).getKieBase();
    }

    private static String toDrl(RuleSource table) {
        // InputType.XLS reads both .xls and .xlsx workbooks (POI's WorkbookFactory).
        String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(table.bytes()), InputType.XLS);
        if (drl == null || drl.isBlank()) {
            throw new RuleCompilationException("no RuleSet/RuleTable found in the workbook");
        }
        return drl;
    }

    /** Names the file and line; for a decision table, the spreadsheet row the failing rule was generated from. */
    private static String describe(Message error, Map<String, String> generatedDrl) {
        if (error.getPath() == null) {
            return "(rule set): " + error.getText();
        }
        String path = error.getPath().replace(KIE_RESOURCE_ROOT, "");
        if (path.endsWith(GENERATED_DRL_SUFFIX)) {
            String table = path.substring(0, path.length() - GENERATED_DRL_SUFFIX.length());
            String drl = generatedDrl.get(table);
            int line = error.getLine() > 0 ? error.getLine() : lineQuotedIn(error.getText(), drl);
            return table + rowOf(drl, line) + ": " + error.getText();
        }
        String line = error.getLine() > 0 ? " line " + error.getLine() : "";
        return path + line + ": " + error.getText();
    }

    /** Some errors give no line but quote the expression ("Unable to Analyse Expression amountCny >= x:"). */
    private static int lineQuotedIn(String errorText, String drl) {
        Matcher quoted = QUOTED_EXPRESSION.matcher(errorText);
        if (drl == null || !quoted.find()) {
            return 0;
        }
        String expression = quoted.group(1).trim();
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(expression)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String rowOf(String drl, int line) {
        if (drl == null || line <= 0) {
            return "";
        }
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher row = ROW_COMMENT.matcher(lines[i]);
            if (row.find()) {
                return " row " + row.group(2);
            }
        }
        return " (header rows; generated rule line " + line + ")";
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
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
            sha256.update(source.bytes());
            sha256.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha256.digest());
    }
}
