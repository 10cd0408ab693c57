package dev.pactum.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.contract.MilestoneEvent;
import dev.pactum.contract.PaymentMilestone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The payment schedule (回款计划) in the contract document: a table after the payment clause of every template that
 * has one, read back from the PDF, and the same bytes for the same contract.
 */
class PaymentScheduleDocumentTest {

    private final ContractTemplates templates = new ContractTemplates();
    private final PdfRenderer renderer = new PdfRenderer();

    private static ContractDocumentModel withSchedule() {
        return SampleContracts.sales().withMilestones(List.of(
                new PaymentMilestone(1, LocalDate.of(2026, 3, 31), null, null, new BigDecimal("300003.15"),
                        new BigDecimal("30"), "预付款"),
                new PaymentMilestone(2, null, 30, MilestoneEvent.ACCEPTANCE, new BigDecimal("600006.30"), null,
                        "验收款", "PRJ-9"),
                new PaymentMilestone(3, null, 15, MilestoneEvent.DELIVERY, new BigDecimal("100001.05"), null,
                        "质保金 & 尾款")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales-standard", "service-standard", "purchase-standard"})
    void everyTemplateWithAPaymentClauseStatesTheScheduleAndRendersTheSameBytesTwice(String key) throws Exception {
        byte[] pdf = renderer.toPdf(templates.renderXhtml(key, withSchedule()));

        String text = text(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("回款计划", "付款节点", "预付款", "验收款", "质保金&尾款",
                "2026年3月31日前", "验收后30日内", "交付后15日内",
                "人民币300,003.15元", "人民币叁拾万零叁元壹角伍分",
                "人民币600,006.30元", "人民币陆拾万零陆元叁角整",
                "人民币100,001.05元", "人民币壹拾万零壹元零伍分");
        assertThat(text.indexOf("预付款")).as("in the payment clause, after its text")
                .isGreaterThan(text.indexOf("条\u3000付款方式")).isLessThan(text.indexOf("条\u3000违约责任"));
        assertThat(renderer.toPdf(templates.renderXhtml(key, withSchedule()))).as("deterministic").isEqualTo(pdf);
    }

    @Test
    void aContractWithoutScheduleOrWithoutPaymentClauseHasNoTable() throws Exception {
        assertThat(text(renderer.toPdf(templates.renderXhtml("sales-standard", SampleContracts.sales()))))
                .doesNotContain("回款计划");
        assertThat(text(renderer.toPdf(templates.renderXhtml("nda-standard", withSchedule()))))
                .doesNotContain("回款计划");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
