package dev.pactum.notification;

import java.nio.charset.StandardCharsets;

/** Fitting notification text into what each IM robot accepts. */
final class ImText {

    private ImText() {
    }

    /** The text cut, with an ellipsis, to at most {@code maxChars} characters. */
    static String fit(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        return text.substring(0, maxChars - 1) + "…";
    }

    /** The text cut, with an ellipsis, to at most {@code maxBytes} bytes of UTF-8, never inside a character. */
    static String fitUtf8(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        StringBuilder fitted = new StringBuilder();
        int bytes = "…".getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            fitted.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return fitted.append('…').toString();
    }
}
