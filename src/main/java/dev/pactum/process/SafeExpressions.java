package dev.pactum.process;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expressions a deployed model may hold: names (a process variable, or a delegate bean of the allow-list),
 * literals, comparisons and logic, and {@code execution.hasVariable('name')}/{@code execution.getVariable('name')}.
 * No other method call and no property path: {@code ${contractRepository.count()}} or
 * {@code ${"".getClass().forName(...)}} would run whatever the author liked, as the server's user.
 */
final class SafeExpressions {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern VARIABLE_CALL =
            Pattern.compile("\\bexecution\\s*\\.\\s*(hasVariable|getVariable)\\s*\\(\\s*'[A-Za-z_][A-Za-z0-9_]*'\\s*\\)");
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^'\\\\]*'|\"[^\"\\\\]*\"");
    private static final Pattern DECIMAL = Pattern.compile("\\b\\d+\\.\\d+\\b");
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_\\s=!<>&|+\\-*/%?:]*");

    private SafeExpressions() {
    }

    /** The expressions in {@code text} that step outside what a model may say; empty when all are safe. */
    static List<String> unsafeIn(String text) {
        List<String> unsafe = new ArrayList<>();
        if (text == null) {
            return unsafe;
        }
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String body = expression.group(1);
            String reduced = VARIABLE_CALL.matcher(body).replaceAll("v");
            reduced = STRING_LITERAL.matcher(reduced).replaceAll("s");
            reduced = DECIMAL.matcher(reduced).replaceAll("1");
            if (!ALLOWED.matcher(reduced).matches()) {
                unsafe.add(expression.group());
            }
        }
        return unsafe;
    }
}
