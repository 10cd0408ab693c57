package dev.pactum.bench;

import dev.pactum.PactumApplication;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.CreditCodes;
import dev.pactum.contract.CustomerService;
import dev.pactum.contract.NewContract;
import dev.pactum.contract.NewCustomer;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.document.DocumentCipher;
import dev.pactum.document.SealedContent;
import dev.pactum.document.StoredDocument;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What encryption at rest costs a document: AES-256-GCM sealing and opening (decrypt plus the sha-256 check) of a
 * real contract PDF, one thread, next to rendering that PDF and to hashing it alone. Run:
 * {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.pactum.bench.DocumentEncryptionBenchmark}
 * (options: -Dbench.documents=5000 -Dbench.renders=30).
 */
public final class DocumentEncryptionBenchmark {

    private DocumentEncryptionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("bench.documents", 5000);
        int renders = Integer.getInteger("bench.renders", 30);
        SpringApplication app = new SpringApplication(PactumApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--pactum.demo-data.enabled=false")) {
            ContractDocumentService service = context.getBean(ContractDocumentService.class);
            DocumentCipher cipher = context.getBean(DocumentCipher.class);
            long contractId = draft(context);

            double[] render = time(renders, () -> service.renderNewVersion(contractId, "sales1"));
            StoredDocument stored = service.latest(contractId).orElseThrow();
            byte[] pdf = stored.content();
            time(documents, () -> cipher.seal(pdf, contractId, 1)); // warm-up: JIT, AES-NI intrinsics
            SealedContent sealed = cipher.seal(pdf, contractId, 1);
            time(documents, () -> cipher.open(sealed, contractId, 1, stored.sha256()));

            double[] seal = time(documents, () -> cipher.seal(pdf, contractId, 1));
            double[] open = time(documents, () -> cipher.open(sealed, contractId, 1, stored.sha256()));
            double[] hash = time(documents, () -> sha256(pdf));
            double[] read = time(Math.min(documents, 1000), () -> service.latest(contractId));

            System.out.printf("%nOne contract PDF of %,d bytes, one thread%n", pdf.length);
            line("render the PDF (renders " + renders + ")", render, pdf.length);
            line("seal: AES-256-GCM encrypt", seal, pdf.length);
            line("open: decrypt + sha-256 check", open, pdf.length);
            line("sha-256 alone (kept before encryption too)", hash, pdf.length);
            line("read the latest version (database + open)", read, pdf.length);
            System.out.printf("Sealing costs %.3f%% of a render (p50); opening is %.1f%% of a read of the latest "
                    + "version (p50)%n", 100 * percentile(seal, 50) / percentile(render, 50),
                    100 * percentile(open, 50) / percentile(read, 50));
        }
    }

    private static long draft(ConfigurableApplicationContext context) {
        var customer = context.getBean(CustomerService.class).register(new NewCustomer("基准测试客户有限公司",
                CreditCodes.withCheckCharacter("91310000MA1FL8TQ2"), "联系人", "bench@example.com", "010-0000-0000",
                null, "CNY", false));
        LocalDate start = LocalDate.of(2026, 12, 1);
        return context.getBean(ContractService.class).draft(new NewContract("sales-standard", customer.getId(),
                "基准测试销售合同", ContractType.SALES, new BigDecimal("1000000.00"), "CNY", start, start.plusYears(1),
                30, Map.of(), new ContractTerms(new BigDecimal("1000000.00"), false, null, null), null, null),
                "sales1", null).contract().getId();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] time(int count, Supplier<?> work) {
        double[] micros = new double[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            work.get();
            micros[i] = (System.nanoTime() - started) / 1e3;
        }
        return micros;
    }

    private static void line(String what, double[] micros, int bytes) {
        System.out.printf("  %-45s p50 %,11.1f µs  p99 %,11.1f µs  (%,.1f MB/s at p50)%n", what,
                percentile(micros, 50), percentile(micros, 99), bytes / percentile(micros, 50));
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
