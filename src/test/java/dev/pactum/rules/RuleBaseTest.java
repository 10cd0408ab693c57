package dev.pactum.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class RuleBaseTest {

    private static final Path PROJECT_RULES = Path.of("rules");

    private static final String GREETING_RULES = """
            package dev.pactum.test.greeting;

            rule "Greet every number"
            when
                $number : Integer()
            then
                insert("hello " + $number);
            end
            """;

    private static final String FAREWELL_RULES = """
            package dev.pactum.test.farewell;

            rule "Say goodbye to every number"
            when
                $number : Integer()
            then
                insert("goodbye " + $number);
            end
            """;

    @TempDir
    Path folder;

    @Test
    void aBrokenRuleFileStopsCompilationNamingTheFileAndLine() throws IOException {
        Files.writeString(folder.resolve("greeting.drl"), GREETING_RULES);
        Files.writeString(folder.resolve("broken.drl"), """
                package dev.pactum.test.broken;

                rule "Misspelt condition"
                when
                    $number : Integer( intValue >>> 3 )
                then
                end
                """);

        assertThatThrownBy(() -> RuleBase.compile(folder))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining(folder.getFileName() + "/broken.drl line 5: ")
                .hasMessageNotContaining("greeting.drl");
    }

    @Test
    void everyBrokenRuleFileIsNamed() throws IOException {
        Files.writeString(folder.resolve("first.drl"), "package a;\nrule \"No end\"\nwhen\nthen\n");
        Files.createDirectories(folder.resolve("nested"));
        Files.writeString(folder.resolve("nested/second.drl"), "package b;\n\nrule \"Unknown fact\"\nwhen\n  Nonexistent()\nthen\nend\n");

        assertThatThrownBy(() -> RuleBase.compile(folder))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining(folder.getFileName() + "/first.drl line ")
                .hasMessageContaining(folder.getFileName() + "/nested/second.drl line ");
    }

    @Test
    void aFolderWithoutRuleFilesIsRefused() {
        assertThatThrownBy(() -> RuleBase.compile(folder))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("No rule files");
    }

    @Test
    void theVersionStaysTheSameWhenNothingChanged() throws IOException {
        Files.writeString(folder.resolve("greeting.drl"), GREETING_RULES);

        assertThat(RuleBase.compile(folder).version())
                .hasSize(64)
                .isEqualTo(RuleBase.compile(folder).version());
    }

    @Test
    void theVersionChangesWhenARuleFileChanges() throws IOException {
        Path rules = folder.resolve("greeting.drl");
        Files.writeString(rules, GREETING_RULES);
        String before = RuleBase.compile(folder).version();

        Files.writeString(rules, GREETING_RULES.replace("hello ", "hi "));

        assertThat(RuleBase.compile(folder).version()).isNotEqualTo(before);
    }

    @Test
    void theVersionChangesWhenARuleFileIsRenamed() throws IOException {
        Files.writeString(folder.resolve("greeting.drl"), GREETING_RULES);
        String before = RuleBase.compile(folder).version();

        Files.move(folder.resolve("greeting.drl"), folder.resolve("welcome.drl"));

        assertThat(RuleBase.compile(folder).version()).isNotEqualTo(before);
    }

    @Test
    void theRulesShippedInTheJarCarryTheSameVersionAsTheProjectFolder() throws IOException {
        Path jar = folder.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            entries.putNextEntry(new JarEntry("rules/"));
            try (var projectRules = Files.walk(PROJECT_RULES)) {
                for (Path file : projectRules.filter(Files::isRegularFile).toList()) {
                    entries.putNextEntry(new JarEntry("rules/" + PROJECT_RULES.relativize(file).toString().replace('\\', '/')));
                    entries.write(Files.readAllBytes(file));
                }
            }
        }

        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            RuleBase fromJar = new RuleBase(new RulesProperties(RulesProperties.DEFAULT_LOCATION),
                    new PathMatchingResourcePatternResolver(classLoader));

            assertThat(fromJar.version()).isEqualTo(RuleBase.compile(PROJECT_RULES).version());
        }
    }

    @Test
    void aDecisionFiresOnlyTheRulesOfItsPackage() {
        RuleBase ruleBase = RuleBase.compile(List.of(
                new RuleSource("rules/greeting.drl", GREETING_RULES),
                new RuleSource("rules/farewell.drl", FAREWELL_RULES)));

        RuleResults<String> greetings = ruleBase.fire("dev.pactum.test.greeting", List.of(7), String.class);

        assertThat(greetings.results()).containsExactly("hello 7");
        assertThat(greetings.ruleSetVersion()).isEqualTo(ruleBase.version());
    }

    @Test
    void aDecisionWithoutRulesIsRefused() {
        RuleBase ruleBase = RuleBase.compile(List.of(new RuleSource("rules/greeting.drl", GREETING_RULES)));

        assertThatThrownBy(() -> ruleBase.fire("dev.pactum.test.farewell", List.of(7), String.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dev.pactum.test.farewell");
    }

    @Test
    void ruleTextIsReadAsUtf8() {
        RuleBase ruleBase = RuleBase.compile(List.of(new RuleSource("rules/greeting.drl",
                GREETING_RULES.replace("hello ", "你好 "))));

        assertThat(ruleBase.fire("dev.pactum.test.greeting", List.of(7), String.class).results())
                .containsExactly("你好 7");
    }

    @Test
    void aBrokenDecisionTableIsNamedWithTheRowOfTheBadRule() throws IOException {
        // row 13 (index 12): "Contracts of 500,000 CNY or more need legal"; column E: amount at least
        List<RuleSource> sources = withRoutingTableCell(12, 4, "五十万");

        assertThatThrownBy(() -> RuleBase.compile(sources))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("rules/approval-routing.xlsx row 13: ")
                .hasMessageNotContaining("risk-scoring.drl");
    }

    @Test
    void aFileThatIsNoWorkbookIsNamed() {
        List<RuleSource> sources = List.of(new RuleSource("rules/approval-routing.drl", GREETING_RULES),
                new RuleSource("rules/thresholds.xlsx", "not a workbook"));

        // Drools wraps the cause in advice to use the xls97 format, misleading for an .xlsx: the cause is named.
        assertThatThrownBy(() -> RuleBase.compile(sources))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageStartingWith("rules/thresholds.xlsx: ")
                .hasMessageContaining("unsupported file type")
                .hasMessageNotContaining("xls97");
    }

    @Test
    void aBrokenHeaderCellOfADecisionTableIsNamedAsAHeaderRow() throws IOException {
        // row 2 (index 1), column B: the Import list of the RuleSet
        List<RuleSource> sources = withRoutingTableCell(1, 1, "dev.pactum.NoSuchFact");

        assertThatThrownBy(() -> RuleBase.compile(sources))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("rules/approval-routing.xlsx (header rows; generated rule line ")
                .hasMessageContaining("dev.pactum.NoSuchFact");
    }

    @Test
    void aBrokenCodeCellOfADecisionTableNamesTheRowOfEveryRuleItBreaks() throws IOException {
        // row 9 (index 8), column E: the code of "Amount at least", used by three rows of the table
        List<RuleSource> sources = withRoutingTableCell(8, 4, "amountCny >== $param");

        assertThatThrownBy(() -> RuleBase.compile(sources))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("rules/approval-routing.xlsx row 13: ")
                .hasMessageContaining("rules/approval-routing.xlsx row 17: ")
                .hasMessageContaining("rules/approval-routing.xlsx row 19: ")
                .hasMessageNotContaining("header rows");
    }

    @Test
    void anErrorWithoutALineNumberNamesTheFileAlone() {
        // The parser reports the rule it gave up on with its line, and then the whole file without one.
        assertThatThrownBy(() -> RuleBase.compile(List.of(new RuleSource("rules/unfinished.drl",
                "package a;\nrule \"No end\"\nwhen\nthen\n"))))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("rules/unfinished.drl line ")
                .hasMessageNotContaining(" line 0")
                .hasMessageNotContaining(" line -1");
    }

    @Test
    void theVersionIsTheSha256OfEachFilesNameAndBytesInNameOrder() throws Exception {
        RuleSource farewell = new RuleSource("rules/farewell.drl", FAREWELL_RULES);
        RuleSource greeting = new RuleSource("rules/greeting.drl", GREETING_RULES);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (RuleSource source : List.of(farewell, greeting)) {
            sha256.update(source.name().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(source.bytes());
            sha256.update((byte) 0);
        }
        String expected = HexFormat.of().formatHex(sha256.digest());

        // Recorded with every decision: the same files must always give the same stamp, in any order given.
        assertThat(RuleBase.compile(List.of(greeting, farewell)).version()).isEqualTo(expected);
        assertThat(RuleBase.compile(List.of(greeting, farewell)).sources()).containsExactly(farewell, greeting);
    }

    @Test
    void aPinnedRuleSetKeepsDecidingOnItsVersionWhileAnotherGoesLive() {
        RuleBase live = RuleBase.compile(List.of(new RuleSource("rules/greeting.drl", GREETING_RULES)));
        RuleBase candidate = RuleBase.compile(List.of(new RuleSource("rules/greeting.drl",
                GREETING_RULES.replace("hello ", "hi "))));
        String first = live.version();

        RuleBase pinned = live.pinned();
        live.replaceWith(candidate);

        assertThat(pinned.version()).isEqualTo(first);
        assertThat(pinned.fire("dev.pactum.test.greeting", List.of(1), String.class).results()).containsExactly("hello 1");
        assertThat(live.version()).isEqualTo(candidate.version()).isNotEqualTo(first);
        assertThat(live.fire("dev.pactum.test.greeting", List.of(1), String.class).results()).containsExactly("hi 1");
        assertThat(live.sources()).isEqualTo(candidate.sources());
    }

    @Test
    void aDecisionReturnsEveryFactLeftInItsSession() {
        RuleBase ruleBase = RuleBase.compile(List.of(new RuleSource("rules/greeting.drl", GREETING_RULES)));

        RuleOutcome outcome = ruleBase.fire("dev.pactum.test.greeting", List.of(7, 8));

        assertThat(outcome.facts()).containsExactlyInAnyOrder(7, 8, "hello 7", "hello 8");
        assertThat(outcome.resultsOf(Integer.class)).containsExactlyInAnyOrder(7, 8);
        assertThat(outcome.ruleSetVersion()).isEqualTo(ruleBase.version());
    }

    private static List<RuleSource> withRoutingTableCell(int row, int column, String value) throws IOException {
        byte[] table = Files.readAllBytes(PROJECT_RULES.resolve("approval-routing.xlsx"));
        try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(table));
             var out = new java.io.ByteArrayOutputStream()) {
            book.getSheetAt(0).getRow(row).getCell(column).setCellValue(value);
            book.write(out);
            table = out.toByteArray();
        }
        List<RuleSource> sources = new java.util.ArrayList<>(ProjectRules.ruleBase().sources());
        sources.removeIf(RuleSource::isDecisionTable);
        sources.add(new RuleSource("rules/approval-routing.xlsx", table));
        return sources;
    }
}
