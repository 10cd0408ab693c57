package dev.pactum.document;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.runtime.Renderable;

/**
 * Escapes every value a template inserts, so a customer called {@code A&B <Ltd>} cannot break the XHTML.
 * Template authors never have to remember to escape. A block macro's body ({@code $bodyContent}) is template
 * markup, not data: it renders itself and its own references pass through here one by one.
 */
public final class XmlEscapingReferences implements ReferenceInsertionEventHandler {

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value == null || value instanceof Renderable) {
            return value;
        }
        return escape(value.toString());
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // Control characters other than tab and line breaks are not allowed in XML 1.0 at all.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
