package dev.pactum.policy;

import java.util.List;
import java.util.Map;

/**
 * A candidate rule set replayed against the live one over real contracts.
 *
 * @param contracts every contract replayed, newest first
 */
public record WhatIfReport(String liveVersion, String candidateVersion, int contractsCompared, Summary summary,
                           List<ContractChange> contracts) {

    /**
     * @param changesByKind how often each kind of change happened: STEP_ADDED, STEP_REMOVED, LEVEL_CHANGED,
     *                      MODE_CHANGED, FAST_LANE_GAINED, FAST_LANE_LOST, RISK_LEVEL_CHANGED, RISK_SCORE_CHANGED,
     *                      FINDING_ADDED, FINDING_REMOVED
     */
    public record Summary(int routingChanged, int riskLevelChanged, int riskScoreChanged, int fastLaneGained,
                          int fastLaneLost, Map<String, Integer> changesByKind) {
    }

    /**
     * One contract, live rules ("before") against the candidate ("after"). A chain reads level by level,
     * e.g. {@code 2 ALL [finance, legal]}, or {@code fast lane: <rule>}. A step is a group on a level.
     *
     * @param levelChanges  each group that moved to another level, then each whose level changed mode
     * @param levelsMoved   how many of {@code levelChanges} are moves to another level
     * @param modesChanged  how many are 会签/或签 changes on the same level
     */
    public record ContractChange(String number, int riskScoreBefore, int riskScoreAfter, String riskLevelBefore,
                                 String riskLevelAfter, List<String> findingsAdded, List<String> findingsRemoved,
                                 List<String> chainBefore, List<String> chainAfter, List<String> stepsAdded,
                                 List<String> stepsRemoved, List<String> levelChanges, int levelsMoved,
                                 int modesChanged, boolean fastLaneGained,
                                 boolean fastLaneLost, boolean routingChanged, boolean riskLevelChanged) {

        public boolean changed() {
            return routingChanged || riskLevelChanged || riskScoreBefore != riskScoreAfter
                    || !findingsAdded.isEmpty() || !findingsRemoved.isEmpty();
        }
    }

    /** The report as text for a terminal, labels in Chinese and English. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("规则假设分析 What-if: ").append(contractsCompared).append(" 份合同 contracts\n");
        text.append("  现行规则 live      ").append(liveVersion).append('\n');
        text.append("  候选规则 candidate ").append(candidateVersion).append('\n');
        text.append("审批链变化 routing changed: ").append(summary.routingChanged())
                .append(" · 风险等级变化 risk level changed: ").append(summary.riskLevelChanged())
                .append(" · 风险分变化 risk score changed: ").append(summary.riskScoreChanged())
                .append(" · 新进快速通道 fast lane gained: ").append(summary.fastLaneGained())
                .append(" · 移出快速通道 fast lane lost: ").append(summary.fastLaneLost()).append('\n');
        summary.changesByKind().forEach((kind, count) ->
                text.append("  ").append(kind).append(": ").append(count).append('\n'));
        for (ContractChange change : contracts) {
            if (!change.changed()) {
                continue;
            }
            text.append('\n').append(change.number()).append('\n');
            text.append("  风险 risk: ").append(change.riskScoreBefore()).append(' ').append(change.riskLevelBefore())
                    .append(" → ").append(change.riskScoreAfter()).append(' ').append(change.riskLevelAfter())
                    .append('\n');
            lines(text, "新增风险项 findings added", change.findingsAdded());
            lines(text, "移除风险项 findings removed", change.findingsRemoved());
            if (change.routingChanged()) {
                text.append("  审批链 chain: ").append(String.join(" | ", change.chainBefore())).append("  →  ")
                        .append(String.join(" | ", change.chainAfter())).append('\n');
                lines(text, "新增审批 steps added", change.stepsAdded());
                lines(text, "移除审批 steps removed", change.stepsRemoved());
                lines(text, "级别变化 level changes", change.levelChanges());
            }
        }
        return text.toString();
    }

    private static void lines(StringBuilder text, String label, List<String> items) {
        if (!items.isEmpty()) {
            text.append("  ").append(label).append(": ").append(String.join("; ", items)).append('\n');
        }
    }
}
