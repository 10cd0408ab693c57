package dev.pactum.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractFixtures;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ClauseLibraryTest {

    private static final PactumProperties PROPERTIES = new PactumProperties(null, "Pactum 演示有限公司", null,
            Map.of(), null, null);

    private final ContractTemplates templates = new ContractTemplates();
    private final ClauseLibrary library = new ClauseLibrary(templates, PROPERTIES);

    @Test
    void theStandardClausesAreTheTemplatesOwnInDocumentOrder() {
        List<ClauseLibrary.Clause> clauses = library.standardClauses("sales-standard");

        assertThat(clauses).extracting(ClauseLibrary.Clause::id).containsExactly(
                "subject", "price", "payment", "delivery", "liability", "confidentiality", "dispute", "term");
        ClauseLibrary.Clause liability = clauses.get(4);
        assertThat(liability.title()).isEqualTo("违约责任");
        assertThat(liability.text()).startsWith("乙方逾期付款的").contains("\n一方违约给对方造成损失的");
        assertThat(clauses.get(0).text()).contains("（合同名称）").doesNotContain("$model");
        assertThat(clauses.get(1).text()).contains("人民币________元");
        assertThat(library.standardClauses("sales-standard")).isSameAs(clauses);
        assertThatThrownBy(() -> library.standardClauses("lease-standard"))
                .isInstanceOf(ContractTemplates.UnknownTemplateException.class);
    }

    @Test
    void idsTheTemplateLacksAreUnknown() {
        assertThat(library.unknownClauseIds("nda-standard", Set.of("liability", "payment", "warranty")))
                .containsExactlyInAnyOrder("payment", "warranty");
        assertThat(library.unknownClauseIds("sales-standard", Set.of("payment", "term"))).isEmpty();
    }

    @Test
    void anUnknownTemplateHasNoClausesSoEveryIdIsUnknown() {
        assertThat(library.exists("sales-standard")).isTrue();
        assertThat(library.exists("lease-standard")).isFalse();
        assertThat(library.unknownClauseIds("lease-standard", Set.of("payment", "term")))
                .containsExactlyInAnyOrder("payment", "term");
    }

    @Test
    void onlyClauseSectionsAreClausesAndOneWithoutABodyHasNoText() {
        List<ClauseLibrary.Clause> clauses = ClauseLibrary.clauses("""
                <html xmlns="http://www.w3.org/1999/xhtml"><body>
                  <section class="parties" id="clause-parties"><div class="clause-body">不是条款</div></section>
                  <section class="clause" id="signatures"><div class="clause-body">不是条款</div></section>
                  <section class="clause" id="clause-term" data-title="合同期限"><h2>合同期限</h2></section>
                  <section class="clause negotiated" id="clause-price" data-title="价格">
                    <div class="clause-number">第二条</div>
                    <div class="clause-body"><p>第一段</p>  <p>  第二段  </p><p> </p></div>
                  </section>
                </body></html>""");

        assertThat(clauses).containsExactly(new ClauseLibrary.Clause("term", "合同期限", ""),
                new ClauseLibrary.Clause("price", "价格", "第一段\n第二段"));
    }

    @Test
    void aTemplateDoctypeIsNotFetchedFromTheNetwork() {
        // Servers often have no way out; the DTD a template names must not be downloaded to read its clauses.
        List<ClauseLibrary.Clause> clauses = ClauseLibrary.clauses("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://pactum.invalid/xhtml1-strict.dtd">
                <html xmlns="http://www.w3.org/1999/xhtml"><body>
                  <section class="clause" id="clause-term" data-title="合同期限"><div class="clause-body">一年</div></section>
                </body></html>""");

        assertThat(clauses).extracting(ClauseLibrary.Clause::text).containsExactly("一年");
    }

    @Test
    void theStandardTextForThisContractWithOtherWhitespaceIsNotAChange() {
        Contract contract = contract();
        String payment = standardTextFor(contract, "payment");
        assertThat(payment).contains("之日起 45 日内");
        ContractFixtures.setClauses(contract, Map.of(
                "payment", "  " + payment.replace("之日起 45 日内", "之日起45日内").replace("\n", "\n\n   ") + "\n",
                "dispute", standardTextFor(contract, "dispute").replace("，", " ， ")));

        assertThat(library.changedClauses(contract)).isEmpty();
    }

    @Test
    void anEditedTextIsAChangeAndAnUnknownIdToo() {
        Contract contract = contract();
        Map<String, String> clauses = new LinkedHashMap<>();
        clauses.put("warranty", "质保期两年。");
        clauses.put("term", standardTextFor(contract, "term"));
        clauses.put("payment", standardTextFor(contract, "payment").replace("45 日内", "60 日内"));
        ContractFixtures.setClauses(contract, clauses);

        assertThat(library.changedClauses(contract)).containsExactly("payment", "warranty");
    }

    @Test
    void aNeutralCatalogueTextIsAChangeForAContractWithOwnValues() {
        Contract contract = contract();
        String catalogue = library.standardClauses("sales-standard").get(0).text();
        ContractFixtures.setClauses(contract, Map.of("subject", catalogue));

        assertThat(library.changedClauses(contract)).containsExactly("subject");
    }

    @Test
    void termsAreStatedInTheLiabilityAndTermClauses() {
        Contract contract = contract();
        ContractFixtures.setTerms(contract, new ContractTerms(new BigDecimal("500000.00"), true, 60, new BigDecimal("5.00")));
        ContractDocumentModel model = ContractDocumentModel.of(contract, "Pactum 演示有限公司");

        List<ClauseLibrary.Clause> clauses = ClauseLibrary.clauses(templates.renderXhtml("sales-standard", model));
        String xhtml = templates.renderXhtml("sales-standard", model);

        assertThat(xhtml).contains("本合同总价款 5% 的违约金", "累计不超过人民币500,000.00元（大写：人民币伍拾万元整）",
                "本合同期满前 60 日", "自动续期");
        // Terms follow the clause body: the standard text of the clause stays the template's.
        assertThat(clauses).filteredOn(c -> c.id().equals("liability")).singleElement()
                .satisfies(c -> assertThat(c.text()).doesNotContain("5%"));
    }

    @Test
    void aZeroLiabilityCapIsStatedAndUncappedSaysNothing() {
        Contract contract = contract();
        ContractFixtures.setTerms(contract, new ContractTerms(BigDecimal.ZERO, false, 30, null));
        String xhtml = templates.renderXhtml("service-standard", ContractDocumentModel.of(contract, "P"));
        assertThat(xhtml).contains("累计不超过人民币0.00元", "续约通知：任何一方拟续签本合同的，应于本合同期满前 30 日")
                .doesNotContain("自动续期", "的违约金。</p>");

        ContractFixtures.setTerms(contract, ContractTerms.NONE);
        assertThat(templates.renderXhtml("service-standard", ContractDocumentModel.of(contract, "P")))
                .doesNotContain("clause-terms");
    }

    @Test
    void thePdfShowsTheNegotiatedTextMarkedWithItsParagraphsAndTheTerms() throws Exception {
        Contract contract = contract();
        ContractFixtures.setTerms(contract, new ContractTerms(new BigDecimal("300000"), true, 90, new BigDecimal("8")));
        ContractDocumentModel model = ContractDocumentModel.of(contract, "Pactum 演示有限公司")
                .withNegotiatedClauses(Map.of("confidentiality",
                        "双方对 <源代码> & 报价保密五年。\n\n保密期满后，接收方应销毁全部资料。"));

        byte[] pdf = new PdfRenderer().toPdf(templates.renderXhtml("sales-standard", model));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("协商条款 Negotiated", "双方对 <源代码> & 报价保密五年。",
                    "保密期满后，接收方应销毁全部资料。", "本合同总价款 8% 的违约金", "人民币300,000.00元",
                    "本合同期满前 90 日")
                    .doesNotContain("商业秘密、技术信息及本合同内容负有保密义务");
            // One paragraph per line: the two sentences are on lines of their own.
            assertThat(text.lines().map(String::strip)).contains("保密期满后，接收方应销毁全部资料。");
            assertThat(text.indexOf("协商条款")).isEqualTo(text.lastIndexOf("协商条款"));
        }
    }

    @Test
    void normalisingIgnoresWhitespaceRunsAndSpacesAroundChinese() {
        assertThat(ClauseLibrary.normalize(" 之日起 30\u3000日内，\n以银行转账 ")).isEqualTo("之日起30日内，以银行转账");
        assertThat(ClauseLibrary.normalize("Pactum   Ltd\t shall")).isEqualTo("Pactum Ltd shall");
        assertThat(ClauseLibrary.normalize("PactumLtd")).isNotEqualTo(ClauseLibrary.normalize("Pactum Ltd"));
    }

    private String standardTextFor(Contract contract, String clauseId) {
        ContractDocumentModel model = ContractDocumentModel.of(contract, PROPERTIES.companyName())
                .withNegotiatedClauses(Map.of());
        return ClauseLibrary.clauses(templates.renderXhtml(contract.getTemplateKey(), model)).stream()
                .filter(clause -> clause.id().equals(clauseId)).findFirst().orElseThrow().text();
    }

    private static Contract contract() {
        return ContractFixtures.contract("HT-2026-000777", new Customer("苏州精工有限公司", "91320594MA1MXXXX0X"),
                "sales1", "数控机床销售", ContractType.SALES, "sales-standard", "2000000.00", LocalDate.of(2026, 4, 1),
                LocalDate.of(2027, 3, 31), 45);
    }
}
