package dev.pactum.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The iCalendar text itself: escaping, CRLF line ends, folding at 75 octets without splitting a character. */
class ICalendarWriterTest {

    private static final String LONG_CHINESE = "年度维护与备件服务合同（上海、北京、深圳三地机房），含第二期扩容；"
            + "路径 C:\\合同\\2026 及附件：服务水平协议、验收标准、付款计划 😀 结束";

    private static String calendar(String summary, String description) {
        return ICalendarWriter.calendar("-//Pactum//Test//ZH", "我的日程, 测试; \\ 日历", "Asia/Shanghai",
                Instant.parse("2026-12-08T01:02:03Z"), List.of(new ICalendarWriter.Event("pactum-end-7@localhost",
                        LocalDate.of(2027, 1, 31), summary, description, "http://localhost:8080/contracts/7")));
    }

    /** Unfolds (RFC 5545, 3.1) and reads one property's value, undoing the TEXT escapes. */
    static String value(String calendar, String name) {
        String unfolded = calendar.replace("\r\n ", "");
        String line = Arrays.stream(unfolded.split("\r\n")).filter(l -> l.startsWith(name + ":")).findFirst()
                .orElseThrow();
        return unescape(line.substring(name.length() + 1));
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Every line ends with CRLF, none is longer than 75 octets, and each one is whole UTF-8. */
    static void assertWellFormed(String calendar) {
        assertThat(calendar).endsWith("\r\n");
        assertThat(calendar.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        for (String line : calendar.split("\r\n")) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(line).isLessThanOrEqualTo(75);
            assertThat(new String(octets, StandardCharsets.UTF_8)).isEqualTo(line);
            assertThat(line).as("no lone surrogate: a character split across lines").doesNotContainPattern(
                    "[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");
        }
    }

    @Test
    void longChineseTextIsFoldedAtCharacterBoundariesAndUnfoldsToTheSameText() {
        String description = LONG_CHINESE + "\n客户：上海测试客户有限公司\nhttp://localhost:8080/contracts/7";

        String calendar = calendar(LONG_CHINESE, description);

        assertWellFormed(calendar);
        assertThat(calendar).contains("\r\n ");
        assertThat(value(calendar, "SUMMARY")).isEqualTo(LONG_CHINESE);
        assertThat(value(calendar, "DESCRIPTION")).isEqualTo(description);
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("我的日程, 测试; \\ 日历");
    }

    @Test
    void backslashSemicolonCommaAndLineBreaksAreEscaped() {
        assertThat(ICalendarWriter.text("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
        String calendar = calendar("x", "a,b;c\\d\ne");
        assertThat(calendar).contains("DESCRIPTION:a\\,b\\;c\\\\d\\ne\r\n");
    }

    @Test
    void aFoldNeverSplitsAThreeOrFourOctetCharacter() {
        // "SUMMARY:" is 8 octets; 22 three-octet characters make 74, so the 23rd (3 octets) would cross 75.
        String summary = "合".repeat(22) + "同" + "😀".repeat(30);

        String calendar = calendar(summary, "d");

        assertWellFormed(calendar);
        String firstLine = Arrays.stream(calendar.split("\r\n")).filter(l -> l.startsWith("SUMMARY:")).findFirst()
                .orElseThrow();
        assertThat(firstLine).isEqualTo("SUMMARY:" + "合".repeat(22));
        assertThat(value(calendar, "SUMMARY")).isEqualTo(summary);
    }

    @Test
    void theCalendarCarriesTheRequiredPropertiesAndAllDayDates() {
        String calendar = calendar("s", "d");

        assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Pactum//Test//ZH\r\n"
                + "CALSCALE:GREGORIAN\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(calendar).contains("BEGIN:VEVENT\r\nUID:pactum-end-7@localhost\r\nDTSTAMP:20261208T010203Z\r\n"
                + "DTSTART;VALUE=DATE:20270131\r\nDTEND;VALUE=DATE:20270201\r\n");
    }
}
