package dev.pactum.obligation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an iCalendar object (RFC 5545) of all-day events: CRLF line ends, TEXT values escaped, content lines folded
 * so that no line is longer than 75 octets, never inside a UTF-8 character.
 */
final class ICalendarWriter {

    /** One all-day event. {@code uid} stays the same for the same obligation, so calendar apps update it. */
    record Event(String uid, LocalDate date, String summary, String description, String url) {
    }

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    private ICalendarWriter() {
    }

    static String calendar(String productId, String name, String zone, Instant stamp, List<Event> events) {
        ICalendarWriter writer = new ICalendarWriter();
        writer.line("BEGIN:VCALENDAR");
        writer.line("VERSION:2.0");
        writer.line("PRODID:" + productId);
        writer.line("CALSCALE:GREGORIAN");
        writer.line("METHOD:PUBLISH");
        writer.line("X-WR-CALNAME:" + text(name));
        writer.line("X-WR-TIMEZONE:" + zone);
        for (Event event : events) {
            writer.line("BEGIN:VEVENT");
            writer.line("UID:" + text(event.uid()));
            writer.line("DTSTAMP:" + UTC_TIME.format(stamp));
            writer.line("DTSTART;VALUE=DATE:" + DATE.format(event.date()));
            writer.line("DTEND;VALUE=DATE:" + DATE.format(event.date().plusDays(1)));
            writer.line("SUMMARY:" + text(event.summary()));
            writer.line("DESCRIPTION:" + text(event.description()));
            if (event.url() != null) {
                writer.line("URL:" + event.url());
            }
            writer.line("TRANSP:TRANSPARENT");
            writer.line("END:VEVENT");
        }
        writer.line("END:VCALENDAR");
        return writer.out.toString();
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545, 3.3.11). */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        escaped.append("\\n");
                    }
                }
                default -> escaped.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /**
     * Appends one content line, folded (RFC 5545, 3.1): after at most 75 octets a CRLF and a space, the space counting
     * towards the next line's 75. A character is never split, so a line may end a few octets short.
     */
    private void line(String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = utf8Octets(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }

    private static int utf8Octets(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
