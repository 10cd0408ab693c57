package dev.pactum.integration;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import java.time.YearMonth;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/finance/reconciliation?month=2026-12}: finance and admins (see {@code SecurityConfiguration}). */
@Tag(name = "Integrations")
@RestController
class FinanceReconciliationController {

    private final FinanceReconciliation reconciliation;

    FinanceReconciliationController(FinanceReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Operation(summary = "A month's payments reconciled against the finance system's receipts (finance and admins)")
    @GetMapping("/api/finance/reconciliation")
    FinanceReconciliation.Report month(@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return reconciliation.of(month);
    }
}
