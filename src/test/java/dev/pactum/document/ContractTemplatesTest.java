package dev.pactum.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ContractTemplatesTest {

    private final ContractTemplates templates = new ContractTemplates();

    @Test
    void listsTheFourStandardTemplates() {
        assertThat(templates.keys())
                .containsExactly("nda-standard", "purchase-standard", "sales-standard", "service-standard");
        assertThat(templates.exists("sales-standard")).isTrue();
    }

    @Test
    void refusesAnUnknownTemplateByName() {
        assertThat(templates.exists("lease-standard")).isFalse();
        assertThat(templates.exists("../common/layout")).isFalse();
        assertThat(templates.exists(null)).isFalse();
        assertThatThrownBy(() -> templates.renderXhtml("lease-standard", SampleContracts.sales()))
                .isInstanceOf(ContractTemplates.UnknownTemplateException.class)
                .hasMessageContaining("lease-standard")
                .hasMessageContaining("sales-standard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales-standard", "service-standard", "purchase-standard", "nda-standard"})
    void rendersWellFormedXhtmlWithEveryValueEscapedOnce(String key) throws Exception {
        Document xhtml = parse(templates.renderXhtml(key, SampleContracts.sales()));

        String text = xhtml.getDocumentElement().getTextContent();
        assertThat(text)
                .contains(SampleContracts.TRICKY_CUSTOMER)
                .contains("2026 年度服务器采购 & 部署项目")
                .contains("HT-2026-000123")
                .contains("91310115MA1K3YJH7X")
                .contains("张 <伟>")
                .contains("Pactum 演示有限公司")
                .contains("上海市浦东新区张江路 88 号 <3号仓库> & 码头")
                .contains("人民币1,000,010.50元")
                .contains("人民币壹佰万零壹拾元伍角整")
                .contains("2026年3月1日")
                .contains("2027年2月28日")
                .doesNotContain("&amp;", "&lt;", "$model", "$fmt", "#@", "#end");
        assertThat(sectionIds(xhtml)).contains("clause-subject", "clause-liability", "clause-confidentiality",
                "clause-dispute", "clause-term", "clause-custom-fields");
    }

    @Test
    void commercialTemplatesHaveThePriceAndPaymentClauses() throws Exception {
        for (String key : List.of("sales-standard", "service-standard", "purchase-standard")) {
            Document xhtml = parse(templates.renderXhtml(key, SampleContracts.sales()));
            assertThat(sectionIds(xhtml)).as(key).contains("clause-price", "clause-payment", "clause-delivery");
            assertThat(section(xhtml, "clause-payment").getTextContent()).as(key).contains("30 日内");
        }
    }

    @Test
    void numbersClausesInOrderAndSkipsCustomFieldsWhenThereAreNone() throws Exception {
        Document xhtml = parse(templates.renderXhtml("nda-standard", SampleContracts.withoutOptionalValues()));

        assertThat(sectionIds(xhtml)).doesNotContain("clause-custom-fields");
        assertThat(section(xhtml, "clause-subject").getTextContent()).contains("第一条");
        assertThat(section(xhtml, "clause-term").getTextContent()).contains("第五条");
        assertThat(section(xhtml, "clause-liability").getTextContent()).contains("美元0.00元", "美元零元整");
    }

    static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
    }

    private static List<String> sectionIds(Document xhtml) {
        NodeList sections = xhtml.getElementsByTagName("section");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < sections.getLength(); i++) {
            ids.add(((Element) sections.item(i)).getAttribute("id"));
        }
        return ids;
    }

    private static Element section(Document xhtml, String id) {
        NodeList sections = xhtml.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            Element section = (Element) sections.item(i);
            if (id.equals(section.getAttribute("id"))) {
                return section;
            }
        }
        throw new AssertionError("no section " + id);
    }
}
