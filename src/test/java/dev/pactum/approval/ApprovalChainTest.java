package dev.pactum.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

class ApprovalChainTest {

    @Test
    void noStepsMeanNoHumanApproval() {
        ApprovalChain chain = ApprovalChain.of(List.of(), "v1");

        assertThat(chain.levels()).isEmpty();
        assertThat(chain.needsApproval()).isFalse();
    }

    @Test
    void levelsAreRenumberedConsecutivelyInTheRulesOrder() {
        ApprovalChain chain = ApprovalChain.of(List.of(
                new ApprovalStep(5, "legal", ApprovalMode.ANY, 72, "Rule C"),
                new ApprovalStep(2, "directors", ApprovalMode.ANY, 48, "Rule B")), "v1");

        assertThat(chain.levels()).extracting(ApprovalLevel::level, level -> level.groups().get(0))
                .containsExactly(
                        tuple(1, "directors"),
                        tuple(2, "legal"));
        assertThat(chain.needsApproval()).isTrue();
    }

    @Test
    void stepsOfOneLevelMergeIntoACountersignWhenAnyRuleAsksForIt() {
        ApprovalChain chain = ApprovalChain.of(List.of(
                new ApprovalStep(1, "sales-managers", ApprovalMode.ANY, 24, "Rule B"),
                new ApprovalStep(1, "finance", ApprovalMode.ALL, 12, "Rule A"),
                new ApprovalStep(1, "sales-managers", ApprovalMode.ANY, 36, "Rule C")), "v1");

        assertThat(chain.levels()).containsExactly(new ApprovalLevel(1, ApprovalMode.ALL,
                List.of("finance", "sales-managers"), 12, List.of("Rule A", "Rule B", "Rule C")));
    }

    @Test
    void stepsOfOneLevelStayAnyOneWhenNoRuleAsksForACountersign() {
        ApprovalChain chain = ApprovalChain.of(List.of(
                new ApprovalStep(1, "sales-managers", ApprovalMode.ANY, 24, "Rule A"),
                new ApprovalStep(1, "key-account-managers", ApprovalMode.ANY, 24, "Rule B")), "v1");

        assertThat(chain.levels()).singleElement().extracting(ApprovalLevel::mode).isEqualTo(ApprovalMode.ANY);
    }
}
