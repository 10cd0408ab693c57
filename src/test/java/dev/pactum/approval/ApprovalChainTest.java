package dev.pactum.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
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

    @Test
    void aFastLaneChainHasNoLevelsAndNamesItsRule() {
        ApprovalChain chain = ApprovalChain.fastLane("Fast lane rule", "v1");

        assertThat(chain.needsApproval()).isFalse();
        assertThat(chain.fastLaneRule()).isEqualTo("Fast lane rule");
        assertThatIllegalArgumentException().isThrownBy(() -> new ApprovalChain(
                List.of(new ApprovalLevel(1, ApprovalMode.ANY, List.of("legal"), 48, List.of("Rule A"))),
                "Fast lane rule", "v1"));
    }

    @Test
    void theSameApproversIgnoreSlasAndRuleNames() {
        ApprovalChain chain = chain(step(1, "sales-managers", ApprovalMode.ANY), step(2, "legal", ApprovalMode.ALL),
                step(2, "finance", ApprovalMode.ALL));
        ApprovalChain otherSlasAndRules = ApprovalChain.of(List.of(
                new ApprovalStep(1, "sales-managers", ApprovalMode.ANY, 12, "Other rule"),
                new ApprovalStep(3, "finance", ApprovalMode.ALL, 96, "Other rule"),
                new ApprovalStep(3, "legal", ApprovalMode.ANY, 96, "Third rule")), "v2");

        assertThat(chain.sameApproversAs(otherSlasAndRules)).isTrue();
        assertThat(ApprovalChain.fastLane("Fast lane", "v1").sameApproversAs(ApprovalChain.fastLane("Fast lane", "v2")))
                .isTrue();
    }

    @Test
    void anotherGroupModeLevelOrFastLaneAreOtherApprovers() {
        ApprovalChain chain = chain(step(1, "sales-managers", ApprovalMode.ANY), step(2, "legal", ApprovalMode.ANY));

        assertThat(chain.sameApproversAs(chain(step(1, "sales-managers", ApprovalMode.ANY),
                step(2, "finance", ApprovalMode.ANY)))).as("another group").isFalse();
        assertThat(chain.sameApproversAs(chain(step(1, "sales-managers", ApprovalMode.ANY),
                step(2, "legal", ApprovalMode.ALL)))).as("countersign instead of any one").isFalse();
        assertThat(chain.sameApproversAs(chain(step(1, "sales-managers", ApprovalMode.ANY))))
                .as("a level fewer").isFalse();
        assertThat(chain.sameApproversAs(chain(step(1, "legal", ApprovalMode.ANY),
                step(2, "sales-managers", ApprovalMode.ANY)))).as("the levels swapped").isFalse();
        assertThat(ApprovalChain.fastLane("Fast lane", "v1").sameApproversAs(chain()))
                .as("a fast lane against nobody at all").isFalse();
        assertThat(ApprovalChain.fastLane("Fast lane", "v1").sameApproversAs(ApprovalChain.fastLane("Other lane", "v1")))
                .isFalse();
    }

    private static ApprovalChain chain(ApprovalStep... steps) {
        return ApprovalChain.of(List.of(steps), "v1");
    }

    private static ApprovalStep step(int level, String group, ApprovalMode mode) {
        return new ApprovalStep(level, group, mode, 24, "Rule of " + group);
    }
}
