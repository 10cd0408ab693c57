package dev.pactum.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/** Reads every {@code *.drl} under a Spring resource location, in the jar or on disk. */
final class RuleFiles {

    private RuleFiles() {
    }

    static List<RuleSource> read(String location, ResourcePatternResolver resolver) {
        String root = location.endsWith("/") ? location : location + "/";
        try {
            Resource rootFolder = resolver.getResource(root);
            if (!rootFolder.exists()) {
                throw new RuleCompilationException("No rule folder at " + root);
            }
            String rootUrl = rootFolder.getURL().toString();
            String folderName = folderName(root);
            List<RuleSource> sources = new ArrayList<>();
            for (Resource file : resolver.getResources(root + "**/*.drl")) {
                String url = file.getURL().toString();
                String pathInFolder = url.startsWith(rootUrl) ? url.substring(rootUrl.length()) : file.getFilename();
                sources.add(new RuleSource(folderName + "/" + pathInFolder,
                        file.getContentAsString(StandardCharsets.UTF_8)));
            }
            if (sources.isEmpty()) {
                throw new RuleCompilationException("No rule files (*.drl) under " + root);
            }
            sources.sort(Comparator.comparing(RuleSource::name));
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rule files under " + root, e);
        }
    }

    private static String folderName(String root) {
        String withoutSlash = root.substring(0, root.length() - 1);
        return withoutSlash.substring(Math.max(withoutSlash.lastIndexOf('/'), withoutSlash.lastIndexOf(':')) + 1);
    }
}
