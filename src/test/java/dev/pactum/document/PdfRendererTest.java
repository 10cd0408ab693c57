package dev.pactum.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    private static byte[] pdf;

    @BeforeAll
    static void renderSalesContract() {
        String xhtml = new ContractTemplates().renderXhtml("sales-standard", SampleContracts.sales());
        pdf = new PdfRenderer().toPdf(xhtml);
    }

    @Test
    void aDocumentNamingHttpOrFileResourcesMakesTheServerFetchNothing() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            byte[] rendered = new PdfRenderer().toPdf("<html><head><link rel=\"stylesheet\" href=\"" + base
                    + "/style.css\"/></head><body><p>合同</p><img src=\"" + base + "/logo.png\"/>"
                    + "<img src=\"file:///etc/hostname\"/></body></html>");

            assertThat(rendered).isNotEmpty();
            assertThat(fetched).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void chineseTextIsRealExtractableText() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);

            // The heading is letter-spaced, which text extraction reads as spaces.
            assertThat(text.replaceAll("\\s", "")).contains("销售合同");
            assertThat(text)
                    .contains("2026 年度服务器采购 & 部署项目")
                    .contains(SampleContracts.TRICKY_CUSTOMER)
                    .contains("人民币壹佰万零壹拾元伍角整")
                    .contains("HT-2026-000123");
        }
    }

    @Test
    void theSameXhtmlAlwaysRendersToTheSameBytes() throws Exception {
        String xhtml = new ContractTemplates().renderXhtml("sales-standard", SampleContracts.sales());
        // A second later, so a creation time or a time-based document id would show.
        Thread.sleep(1100);

        assertThat(new PdfRenderer().toPdf(xhtml)).isEqualTo(pdf);
    }

    @Test
    void concurrentRendersShareTheParsedFontsWithoutDisturbingEachOther() throws Exception {
        ContractTemplates templates = new ContractTemplates();
        PdfRenderer renderer = new PdfRenderer();
        List<String> documents = List.of(templates.renderXhtml("sales-standard", SampleContracts.sales()),
                templates.renderXhtml("nda-standard", SampleContracts.withoutOptionalValues()),
                templates.renderXhtml("service-standard", SampleContracts.sales()),
                templates.renderXhtml("purchase-standard", SampleContracts.withoutOptionalValues()));
        List<byte[]> alone = documents.stream().map(renderer::toPdf).toList();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> together = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String xhtml : documents) {
                    together.add(threads.submit(() -> renderer.toPdf(xhtml)));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(i % documents.size()));
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void everyFontIsEmbeddedAsASubset() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }

            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            // A subset's name starts with a six-letter tag: the document carries only the glyphs it uses.
            assertThat(fonts).extracting(PDFont::getName).allMatch(name -> name.matches("[A-Z]{6}\\+.+"));
            assertThat(fonts).extracting(PDFont::getName)
                    .anySatisfy(name -> assertThat(name).contains("DroidSansFallback"))
                    .anySatisfy(name -> assertThat(name).contains("DejaVuSans"));
        }
    }
}
