package dev.pactum.policy;

import static dev.pactum.rules.ProjectRules.unremarkableContract;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.approval.ApprovalChain;
import dev.pactum.approval.ApprovalLevel;
import dev.pactum.approval.ApprovalMode;
import dev.pactum.rules.ProjectRules;
import dev.pactum.rules.RuleBase;
import dev.pactum.rules.RuleSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** The one policy function and the routing safety net: no contract leaves routing with nobody to approve it. */
class ContractPolicyTest {

    private static final String FALLBACK_RULE = "No contract leaves routing without an approver or a fast lane";
    private static final String SALES_MANAGER_RULE = "Every contract needs a sales manager";
    private static final String FAST_LANE_RULE = "Fast lane: unmodified standard template under 50,000 CNY with low risk";

    @Test
    void theShippedRulesNeverNeedTheFallback() {
        RuleFixtures fixtures = RuleFixturesTest.projectFixtures();

        assertThat(fixtures.cases()).allSatisfy(fixture -> assertThat(
                ContractPolicy.decide(ProjectRules.ruleBase(), fixture.contractFacts()).chain().levels())
                .flatExtracting(ApprovalLevel::addedBy).doesNotContain(FALLBACK_RULE));
    }

    @Test
    void aContractNoTableRowRoutesGoesToASalesManagerByTheFallbackRule() throws IOException {
        // An analyst narrows "Every contract needs a sales manager" to SALES contracts: a 100,000 CNY service
        // contract of low risk then matches no row of the table, and no fast lane either.
        RuleBase salesOnly = withSalesManagerRowFor("SALES");
        ContractFacts service = unremarkableContract().type("SERVICE").build();

        ApprovalChain chain = ContractPolicy.decide(salesOnly, service).chain();

        assertThat(chain.fastLaneRule()).isNull();
        assertThat(chain.levels()).containsExactly(
                new ApprovalLevel(1, ApprovalMode.ANY, List.of("sales-managers"), 24, List.of(FALLBACK_RULE)));
        assertThat(chain.ruleSetVersion()).isEqualTo(salesOnly.version());
    }

    @Test
    void theFallbackStaysOutWhenARowRoutesTheContractOrTheFastLaneTakesIt() throws IOException {
        RuleBase salesOnly = withSalesManagerRowFor("SALES");

        ApprovalChain sales = ContractPolicy.decide(salesOnly, unremarkableContract().build()).chain();
        ApprovalChain smallService = ContractPolicy.decide(salesOnly, unremarkableContract().type("SERVICE")
                .amountCny(new BigDecimal("30000.00")).liabilityCapCny(new BigDecimal("30000.00")).build()).chain();
        ApprovalChain largeService = ContractPolicy.decide(salesOnly, unremarkableContract().type("SERVICE")
                .amountCny(new BigDecimal("600000.00")).liabilityCapCny(new BigDecimal("600000.00")).build()).chain();

        assertThat(sales.levels()).singleElement().extracting(ApprovalLevel::addedBy)
                .isEqualTo(List.of(SALES_MANAGER_RULE));
        assertThat(smallService.fastLaneRule()).isEqualTo(FAST_LANE_RULE);
        assertThat(smallService.levels()).isEmpty();
        assertThat(largeService.levels()).singleElement().extracting(ApprovalLevel::groups)
                .as("legal approves alone: the table routed it, so the fallback adds no sales manager")
                .isEqualTo(List.of("legal"));
    }

    @Test
    void theServiceDecidesOnTheLiveRulesAsTheFunctionDoes() {
        RuleBase live = RuleBase.compile(ProjectRules.ruleBase().sources());
        ContractPolicy policy = new ContractPolicy(live);
        ContractFacts contract = unremarkableContract().amountCny(new BigDecimal("1000000.00"))
                .liabilityCapCny(null).build();

        PolicyDecision decision = policy.decide(contract);

        assertThat(decision).isEqualTo(ContractPolicy.decide(ProjectRules.ruleBase(), contract));
        assertThat(decision.risk().score()).isEqualTo(25);
        assertThat(decision.chain().levels()).hasSize(2);
        assertThat(decision.chain().ruleSetVersion()).isEqualTo(live.version());
    }

    /** The project's rules with the sales-manager row of the routing table limited to one contract type. */
    private static RuleBase withSalesManagerRowFor(String type) throws IOException {
        List<RuleSource> sources = new ArrayList<>(ProjectRules.ruleBase().sources());
        RuleSource table = sources.stream().filter(RuleSource::isDecisionTable).findFirst().orElseThrow();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(table.bytes()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row salesManager = book.getSheetAt(0).getRow(11);
            assertThat(salesManager.getCell(0).getStringCellValue()).isEqualTo(SALES_MANAGER_RULE);
            // column B: "Type is"
            salesManager.getCell(1).setCellValue(type);
            book.write(out);
            sources.set(sources.indexOf(table), new RuleSource(table.name(), out.toByteArray()));
        }
        return RuleBase.compile(sources);
    }
}
