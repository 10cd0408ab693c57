package dev.pactum.rules;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One rule file as loaded: {@code name} is the file's path starting with the rule folder's own name
 * ({@code rules/risk-scoring.drl}), so compile errors and version stamps read the same wherever the folder lives.
 * {@code bytes} are the file as stored: UTF-8 text for {@code .drl}, a workbook for {@code .xlsx}/{@code .xls}.
 */
public record RuleSource(String name, byte[] bytes) {

    public RuleSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** A text rule file ({@code .drl}). */
    public RuleSource(String name, String content) {
        this(name, Objects.requireNonNull(content, "content").getBytes(StandardCharsets.UTF_8));
    }

    /** The file as UTF-8 text (meaningful for {@code .drl} only). */
    public String content() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A spreadsheet decision table rather than DRL text. */
    public boolean isDecisionTable() {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleSource that && name.equals(that.name) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RuleSource[" + name + ", " + bytes.length + " bytes]";
    }
}
