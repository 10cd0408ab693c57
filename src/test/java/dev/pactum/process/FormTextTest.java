package dev.pactum.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a user typed reaches a form's Markdown as text, never as a link, image or table row. */
class FormTextTest {

    @Test
    void markupInATitleIsEscaped() {
        String title = "[点此审批](http://evil.example) ![x](y)\n| 金额 | 1.00 |<b>";

        String text = FormText.markdown(title);

        assertThat(text).isEqualTo("\\[点此审批\\]\\(http\\:\\/\\/evil\\.example\\) \\!\\[x\\]\\(y\\) \\| 金额 \\| 1\\.00 \\|\\<b\\>"
                .replace("\\/", "/"));
        assertThat(text).doesNotContain("\n");
    }

    @Test
    void plainChineseStaysAsItIs() {
        assertThat(FormText.markdown("数控机床销售合同")).isEqualTo("数控机床销售合同");
    }
}
