package dev.pactum.process;

import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The contract lifecycle's vocabulary ({@code processes/contract-lifecycle.bpmn}): its key, the element ids that
 * code, tests and model checks refer to, and its process variables. Delegates, tests and checks use these names;
 * the BPMN file is the only other place they are written.
 */
public final class ContractProcess {

    public static final String KEY = "contractLifecycle";

    /** Element ids, as in the model. */
    public static final class Element {
        public static final String REGISTER_CONTRACT = "registerContract";
        public static final String RENDER_DOCUMENT = "renderDocument";
        public static final String DETERMINE_APPROVAL_CHAIN = "determineApprovalChain";
        public static final String NEEDS_APPROVAL = "needsApproval";
        public static final String APPROVAL_LEVELS = "approvalLevels";
        public static final String OPEN_APPROVAL_LEVEL = "openApprovalLevel";
        public static final String APPROVE_CONTRACT = "approveContract";
        public static final String REMIND_APPROVERS = "remindApprovers";
        public static final String ESCALATE_APPROVAL = "escalateApproval";
        public static final String CLOSE_APPROVAL_LEVEL = "closeApprovalLevel";
        public static final String ACTIVATE_CONTRACT = "activateContract";
        public static final String REJECT_CONTRACT = "rejectContract";
        public static final String RETURN_CONTRACT_TO_OWNER = "returnContractToOwner";
        public static final String REVISE_CONTRACT = "reviseContract";
        public static final String APPLY_CONTRACT_REVISION = "applyContractRevision";

        /** The ids that make a process a contract lifecycle, whatever its key. */
        public static final Set<String> LIFECYCLE = Set.of(RENDER_DOCUMENT, DETERMINE_APPROVAL_CHAIN, APPROVAL_LEVELS,
                APPROVE_CONTRACT, ACTIVATE_CONTRACT, REJECT_CONTRACT, RETURN_CONTRACT_TO_OWNER, REVISE_CONTRACT,
                APPLY_CONTRACT_REVISION);

        private Element() {
        }
    }

    /** Process and task variables. */
    public static final class Var {
        /** Ties the instance to its contract; set by Pactum when it starts the instance, never by a caller. */
        public static final String CONTRACT_ID = "contractId";
        public static final String CONTRACT_OWNER = "contractOwner";
        public static final String CONTRACT_NUMBER = "contractNumber";
        /** Who started the instance from Tasklist's start form (the engine sets it: {@code camunda:initiator}). */
        public static final String INITIATOR = "initiator";
        public static final String DOCUMENT_VERSION = "documentVersion";
        public static final String RISK_SCORE = "riskScore";
        public static final String RISK_LEVEL = "riskLevel";
        public static final String RISK_SUMMARY = "riskSummary";
        public static final String APPROVAL_ROUND = "approvalRound";
        public static final String APPROVAL_LEVEL_COUNT = "approvalLevelCount";
        /** Local to one level of the level loop. */
        public static final String APPROVAL_LEVEL = "approvalLevel";
        /** The engine's counter of the sequential level loop (0-based). */
        public static final String LOOP_COUNTER = "loopCounter";
        public static final String LEVEL_CANDIDATE_GROUPS = "levelCandidateGroups";
        /** The element variable of the approval task's multi-instance: one task per entry. */
        public static final String CANDIDATE_GROUPS = "candidateGroups";
        public static final String LEVEL_REMINDER_AT = "levelReminderAt";
        public static final String LEVEL_DUE_DATE = "levelDueDate";
        /** APPROVED, REJECTED or REVISE: what the gateway after the approval levels reads. */
        public static final String APPROVAL_OUTCOME = "approvalOutcome";
        /** The approver's decision and comment, given when completing an approval task. */
        public static final String DECISION = "decision";
        public static final String COMMENT = "comment";
        /** The comment of the approver who sent the contract back or rejected it, for the revise form. */
        public static final String APPROVER_COMMENT = "approverComment";
        /** Task-local: whom the assignee acts for (who delegated the task to them, or whom they deputise for). */
        public static final String ON_BEHALF_OF = "onBehalfOf";
        /** Task-local: who handed the task on with "delegate". */
        public static final String DELEGATED_BY = "delegatedBy";

        private Var() {
        }
    }

    private ContractProcess() {
    }

    public static long contractId(VariableScope scope) {
        return ((Number) scope.getVariable(Var.CONTRACT_ID)).longValue();
    }

    /** One level of one approval round of one contract, as the level's variables name it. */
    public record ApprovalRef(long contractId, int round, int level) {

        public static ApprovalRef of(VariableScope scope) {
            return new ApprovalRef(ContractProcess.contractId(scope), ((Number) scope.getVariable(Var.APPROVAL_ROUND)).intValue(),
                    ((Number) scope.getVariable(Var.APPROVAL_LEVEL)).intValue());
        }

        public ApprovalRef next() {
            return new ApprovalRef(contractId, round, level + 1);
        }
    }
}
