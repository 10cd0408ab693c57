package dev.pactum.bench;

import dev.pactum.approval.ApprovalChain;
import dev.pactum.approval.ApprovalMode;
import dev.pactum.approval.ApprovalStep;
import dev.pactum.risk.RiskAssessment;
import dev.pactum.policy.ContractPolicy;
import dev.pactum.policy.ContractFacts;
import dev.pactum.rules.RuleBase;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * Decisions per second and latency of one decision on one thread: the project's Drools rules (routing from the
 * decision table plus the structural DRL, with and without risk scoring) against Camunda's DMN engine evaluating
 * the same routing table ({@code src/test/resources/bench/approval-routing.dmn}), for a contract of 40 clauses of
 * which 8 changed. Run: {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.pactum.bench.DecisionBenchmark}
 * (options: -Dbench.decisions=200000 -Dbench.warmup=50000).
 */
public final class DecisionBenchmark {

    private DecisionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Outside Spring Boot, logback would log every rule session at DEBUG.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int decisions = Integer.getInteger("bench.decisions", 50_000);
        int warmup = Integer.getInteger("bench.warmup", 20_000);
        ContractFacts contract = contractWith40Clauses();

        RuleBase rules = RuleBase.compile(Path.of("rules"));
        RiskAssessment assessment = ContractPolicy.decide(rules, contract).risk();

        DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision table = parseRoutingTable(dmn);
        // Camunda's older Java FEEL engine: fewer features than FEEL-scala, but much faster on simple unary tests.
        DmnEngine legacyDmn = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration()).enableFeelLegacyBehavior(true).buildEngine();
        DmnDecision legacyTable = parseRoutingTable(legacyDmn);
        Map<String, Object> variables = new HashMap<>();
        variables.put("type", contract.getType());
        variables.put("standardTemplate", contract.isStandardTemplate());
        variables.put("amountCny", contract.getAmountCny().doubleValue());
        variables.put("paymentTermDays", contract.getPaymentTermDays());
        variables.put("changedClauses", contract.getChangedClauseIds().size());
        variables.put("riskLevel", assessment.level().name());

        Supplier<Object> droolsBoth = () -> ContractPolicy.decide(rules, contract);
        // The routing half alone: risk scoring's share is what droolsBoth costs more.
        Supplier<Object> droolsRouting = () -> rules.fire(ContractPolicy.ROUTING_RULES, List.of(contract, assessment));
        Supplier<Object> dmnRouting = () -> chainOf(dmn.evaluateDecisionTable(table, variables), rules.version());
        Supplier<Object> legacyDmnRouting = () -> chainOf(legacyDmn.evaluateDecisionTable(legacyTable, variables),
                rules.version());

        ApprovalChain drools = ContractPolicy.decide(rules, contract).chain();
        ApprovalChain camunda = (ApprovalChain) dmnRouting.get();
        ApprovalChain legacy = (ApprovalChain) legacyDmnRouting.get();
        if (!drools.levels().equals(camunda.levels()) || !drools.levels().equals(legacy.levels())) {
            throw new IllegalStateException("The DMN table decides otherwise:\n" + drools + "\n" + camunda + "\n"
                    + legacy);
        }
        System.out.printf("Contract: %d clauses, %d changed, CNY %s, %d-day term, risk %d %s; chain %s%n",
                contract.getClauseCount(), contract.getChangedClauseIds().size(), contract.getAmountCny(),
                contract.getPaymentTermDays(), assessment.score(), assessment.level(),
                drools.levels().stream().map(l -> l.mode() + l.groups().toString()).toList());

        for (int round = 0; round < 2; round++) { // warm-up in turns so neither engine profits from the other's JIT
            measure(droolsBoth, warmup);
            measure(droolsRouting, warmup);
            measure(dmnRouting, warmup);
            measure(legacyDmnRouting, warmup);
        }
        Result both = measure(droolsBoth, decisions);
        Result droolsOnly = measure(droolsRouting, decisions);
        Result dmnOnly = measure(dmnRouting, decisions);
        Result legacyDmnOnly = measure(legacyDmnRouting, decisions);
        System.out.printf("%nOne thread, %d decisions each after %d warm-up rounds:%n", decisions, 2);
        print("Drools risk + routing", both);
        print("Drools routing       ", droolsOnly);
        print("Camunda DMN routing  ", dmnOnly);
        print("DMN, legacy FEEL     ", legacyDmnOnly);
        System.out.printf("Ratio routing Drools/DMN: %.2fx the throughput; risk + routing Drools/DMN routing: %.2fx%n",
                droolsOnly.perSecond() / dmnOnly.perSecond(), both.perSecond() / dmnOnly.perSecond());
        System.out.printf("Ratio routing Drools/DMN legacy FEEL: %.2fx; risk + routing Drools/DMN legacy FEEL: %.2fx%n",
                droolsOnly.perSecond() / legacyDmnOnly.perSecond(), both.perSecond() / legacyDmnOnly.perSecond());
    }

    private static DmnDecision parseRoutingTable(DmnEngine engine) throws java.io.IOException {
        try (InputStream model = DecisionBenchmark.class.getResourceAsStream("/bench/approval-routing.dmn")) {
            return engine.parseDecision("approvalRouting", model);
        }
    }

    private static void print(String label, Result result) {
        System.out.printf("  %s %,10.0f decisions/s   p50 %7.1f µs   p99 %7.1f µs   max %8.1f µs%n", label,
                result.perSecond(), result.percentileMicros(50), result.percentileMicros(99),
                result.percentileMicros(100));
    }

    /** The structural rules of approval-routing.drl, in Java, over the rows the DMN table matched. */
    private static ApprovalChain chainOf(DmnDecisionTableResult rows, String version) {
        List<ApprovalStep> steps = new ArrayList<>();
        for (Map<String, Object> row : rows.getResultList()) {
            if (Boolean.TRUE.equals(row.get("fastLane"))) {
                return ApprovalChain.fastLane((String) row.get("rule"), version);
            }
            steps.add(new ApprovalStep(((Number) row.get("level")).intValue(), (String) row.get("group"),
                    ApprovalMode.ANY, ((Number) row.get("slaHours")).intValue(), (String) row.get("rule")));
        }
        Map<Integer, Long> groupsPerLevel = new HashMap<>();
        steps.stream().map(s -> s.level() + ":" + s.group()).distinct()
                .forEach(key -> groupsPerLevel.merge(Integer.valueOf(key.substring(0, key.indexOf(':'))), 1L, Long::sum));
        List<ApprovalStep> shaped = steps.stream().map(s -> groupsPerLevel.get(s.level()) > 1
                ? new ApprovalStep(s.level(), s.group(), ApprovalMode.ALL, s.slaHours(), s.rule()) : s).toList();
        return ApprovalChain.of(shaped, version);
    }

    private static ContractFacts contractWith40Clauses() {
        List<String> changed = List.of("clause-03", "clause-07", "clause-11", "clause-15", "clause-19", "clause-23",
                "clause-31", "clause-38");
        return ContractFacts.builder()
                .contractNumber("HT-2026-BENCH1").type("SALES").templateKey("sales-standard")
                .amountCny(new BigDecimal("1200000.00")).paymentTermDays(120)
                .customerCreditLimitCny(new BigDecimal("2000000.00")).customerEarlierContracts(4)
                .customerHasOverduePayments(false).liabilityCapCny(new BigDecimal("1200000.00"))
                .autoRenewal(true).renewalNoticeDays(30).liquidatedDamagesPercent(new BigDecimal("10"))
                .changedClauseIds(changed).clauseCount(40)
                .build();
    }

    private static Result measure(Supplier<Object> decision, int count) {
        long[] nanos = new long[count];
        Object sink = null;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long before = System.nanoTime();
            sink = decision.get();
            nanos[i] = System.nanoTime() - before;
        }
        long elapsed = System.nanoTime() - start;
        if (sink == null) {
            throw new IllegalStateException("no decision");
        }
        Arrays.sort(nanos);
        return new Result(count, elapsed, nanos);
    }

    private record Result(int count, long elapsedNanos, long[] sortedNanos) {

        double perSecond() {
            return count / (elapsedNanos / 1e9);
        }

        double percentileMicros(double percentile) {
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(percentile / 100 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1e3;
        }
    }
}
