package dev.pactum.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads the rule files under a Spring resource location, in the jar or on disk: DRL ({@code *.drl}), spreadsheet
 * decision tables ({@code *.xlsx}, {@code *.xls}) and the rule fixtures ({@code fixtures/*.json}).
 */
public final class RuleFiles {

    static final Set<String> RULE_PATTERNS = Set.of("**/*.drl", "**/*.xlsx", "**/*.xls");

    private RuleFiles() {
    }

    public static List<RuleSource> read(String location, ResourcePatternResolver resolver) {
        List<RuleSource> sources = new ArrayList<>();
        for (String pattern : RULE_PATTERNS) {
            sources.addAll(readMatching(location, pattern, resolver));
        }
        // Office's lock files (~$approval-routing.xlsx) appear while a table is open in Excel or WPS.
        sources.removeIf(source -> source.name().substring(source.name().lastIndexOf('/') + 1).startsWith("~$"));
        if (sources.isEmpty()) {
            throw new RuleCompilationException("No rule files (*.drl, *.xlsx, *.xls) under " + root(location));
        }
        sources.sort(Comparator.comparing(RuleSource::name));
        return sources;
    }

    /** The rule fixtures ({@code fixtures/*.json}) under the location; empty when there are none. */
    public static List<RuleSource> readFixtures(String location, ResourcePatternResolver resolver) {
        List<RuleSource> fixtures = new ArrayList<>(readMatching(location, "fixtures/*.json", resolver));
        fixtures.sort(Comparator.comparing(RuleSource::name));
        return fixtures;
    }

    private static List<RuleSource> readMatching(String location, String pattern, ResourcePatternResolver resolver) {
        String root = root(location);
        try {
            Resource rootFolder = resolver.getResource(root);
            if (!rootFolder.exists()) {
                throw new RuleCompilationException("No rule folder at " + root);
            }
            String rootUrl = rootFolder.getURL().toString();
            String folderName = folderName(root);
            List<RuleSource> sources = new ArrayList<>();
            for (Resource file : resolver.getResources(root + pattern)) {
                String url = file.getURL().toString();
                String pathInFolder = url.startsWith(rootUrl) ? url.substring(rootUrl.length()) : file.getFilename();
                sources.add(new RuleSource(folderName + "/" + pathInFolder, file.getContentAsByteArray()));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rule files under " + root, e);
        }
    }

    private static String root(String location) {
        return location.endsWith("/") ? location : location + "/";
    }

    private static String folderName(String root) {
        String withoutSlash = root.substring(0, root.length() - 1);
        return withoutSlash.substring(Math.max(withoutSlash.lastIndexOf('/'), withoutSlash.lastIndexOf(':')) + 1);
    }
}
