package dev.pactum.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The what-if command's text: what the --pactum.what-if.rules run prints. */
class WhatIfReportTest {

    @Test
    void theTextNamesEachChangedContractWithBothLanguagesAndSkipsUnchangedOnes() {
        WhatIfReport.ContractChange gained = new WhatIfReport.ContractChange("HT-2026-000007", 10, 10, "LOW", "LOW",
                List.of(), List.of(), List.of("1 ANY [sales-managers]"),
                List.of("1 ANY [sales-managers]", "2 ANY [legal]"), List.of("legal @ 2"), List.of(), List.of(),
                0, 0, false, false, true, false);
        WhatIfReport.ContractChange same = new WhatIfReport.ContractChange("HT-2026-000008", 0, 0, "LOW", "LOW",
                List.of(), List.of(), List.of("fast lane: x"), List.of("fast lane: x"), List.of(), List.of(),
                List.of(), 0, 0, false, false, false, false);
        WhatIfReport report = new WhatIfReport("live", "candidate", 2,
                new WhatIfReport.Summary(1, 0, 0, 0, 0, Map.of("STEP_ADDED", 1)), List.of(gained, same));

        assertThat(report.toText())
                .contains("2 份合同 contracts", "审批链变化 routing changed: 1", "STEP_ADDED: 1", "HT-2026-000007",
                        "1 ANY [sales-managers]  →  1 ANY [sales-managers] | 2 ANY [legal]", "新增审批 steps added: legal @ 2")
                .doesNotContain("HT-2026-000008");
    }
}
