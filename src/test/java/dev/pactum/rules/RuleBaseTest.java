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
        byte[] table = Files.readAllBytes(PROJECT_RULES.resolve("approval-routing.xlsx"));
        try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(table));
             var out = new java.io.ByteArrayOutputStream()) {
            // row 13 (index 12): "Contracts of 500,000 CNY or more need legal"; column E: amount at least
            book.getSheetAt(0).getRow(12).getCell(4).setCellValue("五十万");
            book.write(out);
            table = out.toByteArray();
        }
        List<RuleSource> sources = new java.util.ArrayList<>(ProjectRules.ruleBase().sources());
        sources.removeIf(source -> source.name().endsWith(".xlsx"));
        sources.add(new RuleSource("rules/approval-routing.xlsx", table));

        assertThatThrownBy(() -> RuleBase.compile(sources))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("rules/approval-routing.xlsx row 13: ")
                .hasMessageNotContaining("risk-scoring.drl");
    }

    @Test
    void aFileThatIsNoWorkbookIsNamed() {
        List<RuleSource> sources = List.of(new RuleSource("rules/approval-routing.drl", GREETING_RULES),
                new RuleSource("rules/thresholds.xlsx", "not a workbook"));

        assertThatThrownBy(() -> RuleBase.compile(sources))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageStartingWith("rules/thresholds.xlsx: ");
    }
}
