package dev.pactum.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a user typed reaches the approval form's Markdown as text, never as a link, image or table row. */
class ApprovalFormVariablesTest {

    @Test
    void markupInATitleIsEscaped() {
        String title = "[点此审批](http://evil.example) ![x](y)\n| 金额 | 1.00 |<b>";

        String text = ApprovalFormVariables.markdownText(title);

        assertThat(text).isEqualTo("\\[点此审批\\]\\(http\\:\\/\\/evil\\.example\\) \\!\\[x\\]\\(y\\) \\| 金额 \\| 1\\.00 \\|\\<b\\>"
                .replace("\\/", "/"));
        assertThat(text).doesNotContain("\n");
    }

    @Test
    void plainChineseStaysAsItIs() {
        assertThat(ApprovalFormVariables.markdownText("数控机床销售合同")).isEqualTo("数控机床销售合同");
    }
}
