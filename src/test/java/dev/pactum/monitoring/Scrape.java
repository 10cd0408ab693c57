package dev.pactum.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text exposition, read as series (name and labels) and their values. */
record Scrape(List<Series> series) {

    record Series(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape parse(String text) {
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches()) {
                throw new AssertionError("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher label = LABEL.matcher(m.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            series.add(new Series(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return new Scrape(series);
    }

    boolean has(String name) {
        return series.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The value of the one series with this name carrying these labels (others may be present too). */
    OptionalDouble value(String name, String... labelPairs) {
        List<Series> matching = series.stream().filter(s -> s.name().equals(name))
                .filter(s -> {
                    for (int i = 0; i < labelPairs.length; i += 2) {
                        if (!labelPairs[i + 1].equals(s.labels().get(labelPairs[i]))) {
                            return false;
                        }
                    }
                    return true;
                }).toList();
        if (matching.size() > 1) {
            throw new AssertionError("several series " + name + " " + List.of(labelPairs) + ": " + matching);
        }
        return matching.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(matching.get(0).value());
    }

    /** The sum over every series with this name (for instance over all HTTP routes). */
    double sum(String name) {
        return series.stream().filter(s -> s.name().equals(name)).mapToDouble(Series::value).sum();
    }
}
