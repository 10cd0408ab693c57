package dev.pactum.document;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Renders every contract template once while the application starts, so that the first user's document does not
 * pay for loading the renderer's classes, PDFBox's look-up of the standard fonts and Velocity's template parsing:
 * about 2 s in a fresh JVM, against tens of milliseconds afterwards. The renders run on a thread of their own from
 * the moment the renderer exists, alongside the rest of start-up (the engine, Flyway, the rules); the application
 * is ready (the readiness probe, "Pactum is ready") only once they are done. A failed warm-up is logged, not fatal:
 * it is an optimisation, and the same failure will be reported by the render that needs it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DocumentWarmUp.class);

    private final CompletableFuture<Duration> warmUp;

    DocumentWarmUp(PdfRenderer renderer, ContractTemplates templates) {
        warmUp = CompletableFuture.supplyAsync(() -> renderEveryTemplate(renderer, templates), task -> {
            Thread thread = new Thread(task, "document-warm-up");
            thread.setDaemon(true);
            thread.start();
        });
    }

    @Override
    public void run(ApplicationArguments args) {
        awaitWarm();
    }

    private void awaitWarm() {
        try {
            Duration took = warmUp.join();
            log.info("Document renderer warmed up: every contract template rendered in {} ms", took.toMillis());
        } catch (RuntimeException e) {
            log.error("Warming up the document renderer failed; the first contract rendered will be slow", e);
        }
    }

    /** Whether every template has been rendered (without failing). */
    boolean isWarm() {
        return warmUp.isDone() && !warmUp.isCompletedExceptionally();
    }

    private static Duration renderEveryTemplate(PdfRenderer renderer, ContractTemplates templates) {
        long start = System.nanoTime();
        for (String template : templates.keys()) {
            renderer.toPdf(templates.renderXhtml(template, SAMPLE));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static final ContractDocumentModel SAMPLE = new ContractDocumentModel("HT-2026-000000", "预热样例合同 Warm-up",
            "SALES", "销售合同", new BigDecimal("123456.78"), "CNY", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
            30, Map.of("交货地点", "上海市浦东新区"), "Pactum", new ContractDocumentModel.Counterparty("样例客户有限公司",
            "91310000MA1K000000", "张三", "+86 21 5555 0100", "sample@example.com"), null, null);
}
