package dev.pactum.process;

/** Values put into a Camunda Form's text components, which form-js renders as Markdown. */
public final class FormText {

    private FormText() {
    }

    /**
     * Text a user or a peer system sent, safe to put into a form's Markdown: form-js renders a {@code {{variable}}}
     * in a text component as Markdown, so a title could otherwise be a link, an image or fake table rows. Every
     * character Markdown or HTML gives a meaning is escaped, and line breaks become spaces.
     */
    public static String markdown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.replaceAll("\\R", " ").toCharArray()) {
            if ("\\`*_{}[]()#+-.!|<>~&\"'=:".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
