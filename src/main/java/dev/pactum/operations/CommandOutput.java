package dev.pactum.operations;

import java.io.PrintStream;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What the operator's commands print, from the message bundles: in Chinese when the system locale is Chinese
 * ({@code LANG=zh_CN.UTF-8}), in English otherwise.
 */
final class CommandOutput {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final Locale locale;
    private final PrintStream out;

    CommandOutput(PrintStream out) {
        this(out, "zh".equals(Locale.getDefault().getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }

    CommandOutput(PrintStream out, Locale locale) {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        this.locale = locale;
        this.out = out;
    }

    void say(String key, Object... args) {
        out.println(text(key, args));
    }

    /** A line that is not a message: a path, a version's failure as the code words it. */
    void raw(String line) {
        out.println(line);
    }

    String text(String key, Object... args) {
        return messages.getMessage("pactum.operations." + key, args, locale);
    }
}
