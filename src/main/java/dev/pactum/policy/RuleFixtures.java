package dev.pactum.policy;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.approval.ApprovalChain;
import dev.pactum.approval.ApprovalLevel;
import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskFinding;
import dev.pactum.rules.RuleBase;
import dev.pactum.rules.RuleSource;

/**
 * The rules' contract: the cases in {@code rules/fixtures/*.json}, each a contract's facts and the risk and chain
 * the rules must decide for it. The test suite runs every case, and a rule set is only put live when it passes
 * them all. A case states only what it checks: {@code riskScore}, {@code riskLevel}, {@code findings} (rule names,
 * one per finding), {@code fastLaneRule}, {@code chain} (levels with {@code groups}, {@code mode} and optionally
 * {@code slaHours} and {@code addedBy}).
 */
final class RuleFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Case> cases;

    private RuleFixtures(List<Case> cases) {
        this.cases = List.copyOf(cases);
    }

    /** @throws InvalidFixtureException when a file is not a fixture file, naming it */
    public static RuleFixtures parse(List<RuleSource> files) {
        List<Case> cases = new ArrayList<>();
        for (RuleSource file : files) {
            JsonNode root;
            try {
                root = JSON.readTree(file.bytes());
            } catch (IOException e) {
                throw new InvalidFixtureException(file.name() + ": not JSON: " + e.getMessage());
            }
            JsonNode list = root.path("cases");
            if (!list.isArray()) {
                throw new InvalidFixtureException(file.name() + ": no \"cases\" array");
            }
            for (JsonNode node : list) {
                String name = node.path("name").asText(null);
                if (name == null || !node.path("expect").isObject()) {
                    throw new InvalidFixtureException(file.name() + ": every case needs a \"name\" and an \"expect\" object");
                }
                cases.add(new Case(file.name(), name, node.path("facts"), node.path("expect")));
            }
        }
        return new RuleFixtures(cases);
    }

    public List<Case> cases() {
        return cases;
    }

    /** Runs every case on {@code ruleBase}; an empty list means all passed. */
    public List<Failure> check(RuleBase ruleBase) {
        List<Failure> failures = new ArrayList<>();
        for (Case fixture : cases) {
            List<String> differences;
            try {
                differences = fixture.differences(ruleBase);
            } catch (RuntimeException e) {
                differences = List.of("the rules failed: " + e.getMessage());
            }
            if (!differences.isEmpty()) {
                failures.add(new Failure(fixture.file(), fixture.name(), differences));
            }
        }
        return failures;
    }

    /** What {@code ruleBase} decides differently from one case; empty when it passes. */
    public static List<String> differences(Case fixture, RuleBase ruleBase) {
        return fixture.differences(ruleBase);
    }

    /** One case of a fixture file. */
    public record Case(String file, String name, JsonNode facts, JsonNode expect) {

        /** The facts with the file's defaults for what the case does not give. */
        public ContractFacts contractFacts() {
            BigDecimal amount = decimal(facts, "amountCny", new BigDecimal("100000.00"));
            List<String> changed = new ArrayList<>();
            facts.path("changedClauseIds").forEach(id -> changed.add(id.asText()));
            return ContractFacts.builder()
                    .contractNumber(facts.path("contractNumber").asText("HT-FIXTURE"))
                    .type(facts.path("type").asText("SALES"))
                    .amountCny(amount)
                    .paymentTermDays(facts.path("paymentTermDays").asInt(30))
                    .templateKey(facts.path("templateKey").asText("sales-standard"))
                    .customerCreditLimitCny(decimal(facts, "customerCreditLimitCny", null))
                    .customerEarlierContracts(facts.path("customerEarlierContracts").asInt(3))
                    .customerHasOverduePayments(facts.path("customerHasOverduePayments").asBoolean(false))
                    .liabilityCapCny(facts.has("liabilityCapCny") ? decimal(facts, "liabilityCapCny", null) : amount)
                    .autoRenewal(facts.path("autoRenewal").asBoolean(false))
                    .renewalNoticeDays(facts.hasNonNull("renewalNoticeDays") ? facts.get("renewalNoticeDays").asInt() : null)
                    .liquidatedDamagesPercent(decimal(facts, "liquidatedDamagesPercent", null))
                    .changedClauseIds(changed)
                    .clauseCount(facts.path("clauseCount").asInt(Math.max(12, changed.size())))
                    .previousAmountCny(decimal(facts, "previousAmountCny", null))
                    .build();
        }

        List<String> differences(RuleBase ruleBase) {
            PolicyDecision decision = ContractPolicy.decide(ruleBase, contractFacts());
            RiskAssessment assessment = decision.risk();
            ApprovalChain chain = decision.chain();
            List<String> differences = new ArrayList<>();
            if (expect.has("riskScore")) {
                compare(differences, "risk score", expect.get("riskScore").asInt(), assessment.score());
            }
            if (expect.has("riskLevel")) {
                compare(differences, "risk level", expect.get("riskLevel").asText(), assessment.level().name());
            }
            if (expect.has("findings")) {
                compare(differences, "findings", sortedTexts(expect.get("findings")),
                        assessment.findings().stream().map(RiskFinding::rule).sorted().toList());
            }
            if (expect.has("fastLaneRule") || expect.has("chain")) {
                compare(differences, "fast lane rule", expect.path("fastLaneRule").asText(null), chain.fastLaneRule());
            }
            if (expect.has("chain")) {
                compare(differences, "chain", expectedChain(expect.get("chain")), actualChain(expect.get("chain"), chain));
            }
            return differences;
        }

        private static List<String> expectedChain(JsonNode levels) {
            List<String> shape = new ArrayList<>();
            for (JsonNode level : levels) {
                shape.add(describe(level.path("mode").asText(), texts(level.path("groups")),
                        level.has("slaHours") ? level.get("slaHours").asInt() : null,
                        level.has("addedBy") ? sortedTexts(level.get("addedBy")) : null));
            }
            return shape;
        }

        /** The actual chain, described with as much detail as the fixture asks for at each level. */
        private static List<String> actualChain(JsonNode expectedLevels, ApprovalChain chain) {
            List<String> shape = new ArrayList<>();
            for (int i = 0; i < chain.levels().size(); i++) {
                ApprovalLevel level = chain.levels().get(i);
                JsonNode expected = expectedLevels.path(i);
                shape.add(describe(level.mode().name(), level.groups(),
                        expected.has("slaHours") ? level.slaHours() : null,
                        expected.has("addedBy") ? level.addedBy() : null));
            }
            return shape;
        }

        private static String describe(String mode, List<String> groups, Integer slaHours, List<String> addedBy) {
            return mode + " " + groups.stream().sorted().toList()
                    + (slaHours == null ? "" : " " + slaHours + "h")
                    + (addedBy == null ? "" : " by " + addedBy);
        }

        private static void compare(List<String> differences, String what, Object expected, Object actual) {
            if (!Objects.equals(expected, actual)) {
                differences.add(what + ": expected " + expected + " but was " + actual);
            }
        }

        private static BigDecimal decimal(JsonNode node, String field, BigDecimal absent) {
            return node.hasNonNull(field) ? new BigDecimal(node.get(field).asText()) : absent;
        }

        private static List<String> texts(JsonNode array) {
            List<String> texts = new ArrayList<>();
            array.forEach(value -> texts.add(value.asText()));
            return texts;
        }

        private static List<String> sortedTexts(JsonNode array) {
            return texts(array).stream().sorted().toList();
        }

        @Override
        public String toString() {
            return file + " › " + name;
        }
    }

    /** A case the rules decided otherwise, with what differed. */
    public record Failure(String file, String caseName, List<String> differences) {

        @Override
        public String toString() {
            return file + " › \"" + caseName + "\": " + String.join("; ", differences);
        }
    }

    public static class InvalidFixtureException extends RuntimeException {
        public InvalidFixtureException(String message) {
            super(message);
        }
    }
}
