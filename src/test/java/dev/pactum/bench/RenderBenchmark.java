package dev.pactum.bench;

import dev.pactum.document.ContractDocumentModel;
import dev.pactum.document.ContractTemplates;
import dev.pactum.document.PdfRenderer;
import dev.pactum.document.TemplateFormats;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Contract documents rendered to PDF: a typical 2-page contract (the {@code sales-standard} template) and a 20-page
 * one (120 clauses, tables, the amount in 大写, set in the same stylesheet), warm, on one thread; plus the first render
 * in this fresh JVM, which {@code DocumentWarmUp} now pays at start-up instead of the first user. When LibreOffice is
 * installed ({@code soffice} on the PATH; Debian package {@code libreoffice-writer-nogui}), the same XHTML is
 * converted with {@code soffice --headless --convert-to pdf} in the same run, once per document and in one batch.
 * Every PDF is checked to keep Chinese as extractable text in embedded subset fonts, and to be the same bytes when
 * rendered twice. Run: {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.pactum.bench.RenderBenchmark}
 * (options: -Dbench.renders=200 -Dbench.soffice=5; 0 skips LibreOffice).
 */
public final class RenderBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int renders = Integer.getInteger("bench.renders", 200);
        int sofficeRuns = Integer.getInteger("bench.soffice", 5);
        System.out.println("Load before: " + Bench.uptime());

        ContractTemplates templates = new ContractTemplates();
        String typical = templates.renderXhtml("sales-standard", typicalContract());
        String large = largeContract(120);

        long began = System.nanoTime();
        PdfRenderer renderer = new PdfRenderer();
        byte[] first = renderer.toPdf(typical);
        double firstMs = (System.nanoTime() - began) / 1e6;
        began = System.nanoTime();
        renderer.toPdf(large);
        double secondMs = (System.nanoTime() - began) / 1e6;
        System.out.printf("Fresh JVM: parse fonts + first render %.0f ms, the next (a different document) %.0f ms; "
                + "DocumentWarmUp pays these at start-up%n", firstMs, secondMs);

        // What DocumentWarmUp does at start-up: every contract template once.
        began = System.nanoTime();
        for (String template : templates.keys()) {
            renderer.toPdf(templates.renderXhtml(template, typicalContract()));
        }
        double warmUpMs = (System.nanoTime() - began) / 1e6;
        began = System.nanoTime();
        renderer.toPdf(templates.renderXhtml("service-standard", typicalContract().withNegotiatedClauses(
                Map.of("payment", "乙方应于验收合格后六十日内付清全部价款。"))));
        double firstUserMs = (System.nanoTime() - began) / 1e6;
        System.out.printf("Start-up warm-up (every template once) %.0f ms; then the first user's contract renders in %.0f ms%n",
                warmUpMs, firstUserMs);

        Document typicalDoc = check("typical", renderer, typical, first);
        Document largeDoc = check("large", renderer, large, renderer.toPdf(large));

        Timing typicalTiming = time(renderer, typical, renders);
        Timing largeTiming = time(renderer, large, Math.max(20, renders / 10));
        System.out.println("Load after: " + Bench.uptime());

        System.out.printf("%nDocuments (one thread, warm)%n");
        print(typicalDoc, typicalTiming);
        print(largeDoc, largeTiming);

        String soffice = findOnPath("soffice");
        if (sofficeRuns == 0) {
            System.out.println("LibreOffice: skipped (-Dbench.soffice=0)");
            return;
        }
        if (soffice == null) {
            System.out.println("LibreOffice: soffice is not installed (apt-get install libreoffice-writer-nogui); "
                    + "no comparison in this run");
            return;
        }
        LibreOffice libreOffice = new LibreOffice(soffice);
        double typicalSingle = libreOffice.medianSingleMs(typical, sofficeRuns);
        double largeSingle = libreOffice.medianSingleMs(large, sofficeRuns);
        double typicalBatch = libreOffice.perDocumentInBatchMs(typical, 10);
        double largeBatch = libreOffice.perDocumentInBatchMs(large, 10);
        System.out.println("Load after LibreOffice: " + Bench.uptime());
        System.out.printf("%nLibreOffice headless, same XHTML (%s)%n", libreOffice.version());
        System.out.printf("  typical: one soffice per document %.0f ms (median of %d), in a batch of 10: %.0f ms a "
                + "document; openhtmltopdf is %.0fx / %.0fx faster%n", typicalSingle, sofficeRuns, typicalBatch,
                typicalSingle / typicalTiming.medianMs(), typicalBatch / typicalTiming.medianMs());
        System.out.printf("  large:   one soffice per document %.0f ms (median of %d), in a batch of 10: %.0f ms a "
                + "document; openhtmltopdf is %.0fx / %.0fx faster%n", largeSingle, sofficeRuns, largeBatch,
                largeSingle / largeTiming.medianMs(), largeBatch / largeTiming.medianMs());
    }

    private static void print(Document document, Timing timing) {
        System.out.printf("  %-7s %2d pages, %,7d bytes: median %6.1f ms (p90 %6.1f), CPU median %6.1f ms, %d renders%n",
                document.name(), document.pages(), document.bytes(), timing.medianMs(), timing.p90Ms(),
                timing.cpuMedianMs(), timing.count());
    }

    private static Timing time(PdfRenderer renderer, String xhtml, int count) {
        for (int i = 0; i < count / 2; i++) {
            renderer.toPdf(xhtml);
        }
        long[] wall = new long[count];
        long[] cpu = new long[count];
        for (int i = 0; i < count; i++) {
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long before = System.nanoTime();
            renderer.toPdf(xhtml);
            wall[i] = System.nanoTime() - before;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Timing(count, wall[count / 2] / 1e6, wall[count * 9 / 10] / 1e6, cpu[count / 2] / 1e6);
    }

    /** Chinese stays extractable text, every font is an embedded subset, and a second render is the same bytes. */
    private static Document check(String name, PdfRenderer renderer, String xhtml, byte[] pdf) throws IOException {
        if (!Arrays.equals(pdf, renderer.toPdf(xhtml))) {
            throw new IllegalStateException(name + ": rendering the same XHTML twice gave different bytes");
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            if (!text.contains("合同价款") || !text.contains("大写")) {
                throw new IllegalStateException(name + ": the Chinese text is not extractable");
            }
            for (PDPage page : document.getPages()) {
                for (COSName fontName : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(fontName);
                    if (!font.isEmbedded() || !font.getName().matches("[A-Z]{6}\\+.*")) {
                        throw new IllegalStateException(name + ": font " + font.getName() + " is not an embedded subset");
                    }
                }
            }
            return new Document(name, document.getNumberOfPages(), pdf.length);
        }
    }

    private static ContractDocumentModel typicalContract() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("交货地点", "上海市浦东新区张江路 88 号 3 号仓库");
        fields.put("质保期（月）", 24);
        return new ContractDocumentModel("HT-2026-000123", "2026 年度服务器采购及部署项目", "SALES", "销售合同",
                new BigDecimal("1000010.50"), "CNY", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), 30,
                fields, "Pactum 演示有限公司",
                new ContractDocumentModel.Counterparty("华东贸易有限公司", "91310115MA1K3YJH7X", "张伟",
                        "+86 21 5555 0100", "zhang.wei@huadong.example"),
                null, null);
    }

    /**
     * A generated long contract in the templates' stylesheet and structure: parties, {@code clauses} numbered clauses
     * of two or three paragraphs, a product table of 12 rows every 30 clauses, the amount in figures and in 大写,
     * signatures.
     */
    static String largeContract(int clauses) throws IOException {
        TemplateFormats fmt = new TemplateFormats();
        BigDecimal amount = new BigDecimal("12345678.90");
        StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head>")
                .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />")
                .append("<title>框架采购合同 HT-2026-009999</title><style type=\"text/css\">")
                .append(classpathText("templates/contracts/common/contract.css")).append("</style></head><body>")
                .append("<div id=\"footer\">合同编号：HT-2026-009999　　第 <span class=\"page-number\"></span> 页 / 共 ")
                .append("<span class=\"page-count\"></span> 页</div><h1>框架采购合同</h1>")
                .append("<table class=\"meta\"><tr><td>合同名称：2026—2028 年度数据中心设备框架采购</td>")
                .append("<td class=\"right\">合同编号：HT-2026-009999</td></tr></table>")
                .append("<table class=\"parties\"><tr class=\"first-of-party\"><th>甲方（卖方）：</th><td>Pactum 演示有限公司</td></tr>")
                .append("<tr class=\"first-of-party\"><th>乙方（买方）：</th><td>华东贸易有限公司</td></tr>")
                .append("<tr><th>统一社会信用代码：</th><td>91310115MA1K3YJH7X</td></tr></table>");
        html.append("<p class=\"preamble\">甲乙双方根据《中华人民共和国民法典》及相关法律法规的规定，本着平等、自愿、公平、")
                .append("诚实信用的原则，经友好协商，就乙方向甲方购买产品事宜达成如下条款，以资共同遵守。</p>");
        for (int i = 1; i <= clauses; i++) {
            html.append("<section id=\"clause-").append(i).append("\" class=\"clause\"><h2>第").append(i)
                    .append("条　").append(i == 2 ? "合同价款" : "约定事项 " + i).append("</h2><div class=\"clause-body\">");
            if (i == 2) {
                html.append("<p>本合同总价款为<span class=\"amount\">人民币").append(fmt.amount(amount))
                        .append("元</span>（大写：人民币").append(fmt.capital(amount)).append("）。</p>");
            }
            html.append("<p>").append(i).append(".1　甲方应按照本合同及其附件的约定，于约定期限内向乙方交付符合国家标准、")
                    .append("行业标准及双方确认之技术规格的产品，并提供安装、调试、培训及质保期内的技术支持服务。</p>")
                    .append("<p>").append(i).append(".2　乙方应按照本合同约定及时支付价款，并为甲方履行本合同提供必要的")
                    .append("场地、电力、网络及人员配合；因乙方原因导致交付延误的，甲方的履行期限相应顺延。</p>");
            if (i % 12 == 0) {
                html.append("<p>").append(i).append(".3　任何一方违反本条约定的，应在收到对方书面通知后十五日内予以纠正；")
                        .append("逾期未纠正的，守约方有权要求违约方支付相当于合同总价款千分之五的违约金（Liquidated damages: 0.5%）。</p>");
            }
            if (i % 30 == 5) {
                html.append("<table class=\"fields\"><tr><th>序号</th><td>产品名称 / 规格型号 / 数量 / 单价（元）</td></tr>");
                for (int row = 1; row <= 12; row++) {
                    html.append("<tr><th>").append(row).append("</th><td>机架式服务器 PS-").append(2000 + row)
                            .append(" / 2U 双路 / ").append(row * 4).append(" 台 / ")
                            .append(fmt.amount(new BigDecimal(38000 + row * 1250))).append("</td></tr>");
                }
                html.append("</table>");
            }
            html.append("</div></section>");
        }
        html.append("<div class=\"signatures\"><p>（以下无正文，为签署页）</p><table class=\"signatures\"><tr>")
                .append("<td><div>甲方（盖章）：</div><div>Pactum 演示有限公司</div><div>签署日期：____年__月__日</div></td>")
                .append("<td><div>乙方（盖章）：</div><div>华东贸易有限公司</div><div>签署日期：____年__月__日</div></td></tr></table></div>")
                .append("</body></html>");
        return html.toString();
    }

    private static String classpathText(String resource) throws IOException {
        try (InputStream in = RenderBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String findOnPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** {@code soffice --headless --convert-to pdf} on the same XHTML, saved as an .html file. */
    private record LibreOffice(String soffice) {

        double medianSingleMs(String xhtml, int runs) throws Exception {
            double[] times = new double[runs];
            for (int i = 0; i < runs; i++) {
                times[i] = convert(xhtml, 1);
            }
            Arrays.sort(times);
            return times[runs / 2];
        }

        double perDocumentInBatchMs(String xhtml, int documents) throws Exception {
            return convert(xhtml, documents) / documents;
        }

        /** Milliseconds to convert {@code documents} copies in one soffice run (its own profile, so nothing is shared). */
        private double convert(String xhtml, int documents) throws Exception {
            Path dir = Files.createTempDirectory("pactum-soffice");
            try {
                List<String> command = new ArrayList<>(List.of(soffice, "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                        "--headless", "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", dir.resolve("out").toString()));
                for (int i = 0; i < documents; i++) {
                    Path html = dir.resolve("contract-" + i + ".html");
                    Files.writeString(html, xhtml);
                    command.add(html.toString());
                }
                // The first run in a fresh profile creates it; that is set-up, not conversion.
                run(List.of(soffice, "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless", "--terminate_after_init"));
                long start = System.nanoTime();
                run(command);
                double ms = (System.nanoTime() - start) / 1e6;
                for (int i = 0; i < documents; i++) {
                    Path pdf = dir.resolve("out").resolve("contract-" + i + ".pdf");
                    if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                        throw new IllegalStateException("soffice made no " + pdf.getFileName());
                    }
                }
                return ms;
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
                }
            }
        }

        String version() throws Exception {
            Process process = new ProcessBuilder(soffice, "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(30, TimeUnit.SECONDS);
            return out;
        }

        private static void run(List<String> command) throws Exception {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("soffice did not finish: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("soffice failed (" + process.exitValue() + "): " + command);
            }
        }
    }

    private record Document(String name, int pages, int bytes) {
    }

    private record Timing(int count, double medianMs, double p90Ms, double cpuMedianMs) {
    }
}
