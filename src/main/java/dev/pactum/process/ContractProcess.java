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
    /** A supplementary agreement's approval ({@code processes/contract-amendment.bpmn}); shares the approval ids. */
    public static final String AMENDMENT_KEY = "contractAmendment";

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
        public static final String RELEASE_FOR_SIGNING = "releaseForSigning";
        /** The sub-process from signing to the contract's end; terminating the contract interrupts it. */
        public static final String CONTRACT_IN_FORCE = "contractInForce";
        public static final String SIGN_AS_COMPANY = "signAsCompany";
        /** The scope of the counterparty's signature: waiting for it, and sending it to the provider beside. */
        public static final String COUNTER_SIGNATURE = "counterSignature";
        public static final String AWAIT_COUNTER_SIGNATURE = "awaitCounterSignature";
        /** Sends the company-signed PDF to the e-signature provider (asynchronous, retried, then an incident). */
        public static final String SEND_FOR_COUNTER_SIGNATURE = "sendForCounterSignature";
        public static final String SIGNATURE_REMINDER_DUE = "signatureReminderDue";
        public static final String REMIND_SIGNATURE = "remindSignature";
        public static final String SIGNATURE_OVERDUE = "signatureOverdue";
        public static final String ESCALATE_SIGNATURE = "escalateSignature";
        public static final String RECORD_CONTRACT_SIGNED = "recordContractSigned";
        public static final String AWAIT_START_DATE = "awaitStartDate";
        public static final String ACTIVATE_CONTRACT = "activateContract";
        public static final String AWAIT_TERM_END = "awaitTermEnd";
        public static final String EXPIRE_CONTRACT = "expireContract";
        public static final String PLAN_RENEWAL = "planRenewal";
        public static final String AWAIT_RENEWAL_WINDOW = "awaitRenewalWindow";
        public static final String OPEN_RENEWAL_WINDOW = "openRenewalWindow";
        /** The owner's renewal task (form {@code renewContract}): renew, renegotiate or let expire. */
        public static final String DECIDE_RENEWAL = "decideRenewal";
        public static final String RENEWAL_SECOND_REMINDER_DUE = "renewalSecondReminderDue";
        public static final String RENEWAL_LAST_REMINDER_DUE = "renewalLastReminderDue";
        public static final String REMIND_RENEWAL = "remindRenewal";
        /** Interrupting timer on the renewal task: the notice deadline passed undecided. */
        public static final String NOTICE_DEADLINE_PASSED = "noticeDeadlinePassed";
        public static final String AUTO_RENEWS_GATEWAY = "autoRenewsGateway";
        public static final String AUTO_RENEW_CONTRACT = "autoRenewContract";
        public static final String RENEWAL_DECISION_GATEWAY = "renewalDecisionGateway";
        public static final String CREATE_RENEWAL_CONTRACT = "createRenewalContract";
        public static final String AWAIT_RENEWED_TERM_END = "awaitRenewedTermEnd";
        public static final String CLOSE_RENEWED_CONTRACT = "closeRenewedContract";
        public static final String TERM_ENDED = "termEnded";
        /** Amendment process: the rules on the amended contract, and what follows the approval levels. */
        public static final String DETERMINE_AMENDMENT_CHAIN = "determineAmendmentChain";
        public static final String APPLY_AMENDMENT = "applyAmendment";
        public static final String REJECT_AMENDMENT = "rejectAmendment";
        public static final String RESCHEDULE_CONTRACT_TERM = "rescheduleContractTerm";
        public static final String CONTRACT_ENDED = "contractEnded";
        public static final String CONTRACT_TERMINATED = "contractTerminated";
        public static final String CLOSE_TERMINATED_CONTRACT = "closeTerminatedContract";
        public static final String PAYMENT_MILESTONES = "paymentMilestones";
        public static final String OPEN_MILESTONE = "openMilestone";
        public static final String AWAIT_PAYMENT = "awaitPayment";
        public static final String AWAIT_PAYMENT_SCOPE = "awaitPaymentScope";
        public static final String CHECK_MILESTONE_SETTLED = "checkMilestoneSettled";
        /** A milestone N days after the project's acceptance or delivery waits here for the event. */
        public static final String AWAIT_PROJECT_EVENT = "awaitProjectEvent";
        public static final String START_MILESTONE_CLOCK = "startMilestoneClock";
        /** An amendment removed or changed the milestone: its instance ends (while open, or before its event). */
        public static final String MILESTONE_WITHDRAWN = "milestoneWithdrawn";
        public static final String MILESTONE_WITHDRAWN_BEFORE_EVENT = "milestoneWithdrawnBeforeEvent";
        public static final String PAYMENT_FIRST_REMINDER_DUE = "paymentFirstReminderDue";
        public static final String PAYMENT_LAST_REMINDER_DUE = "paymentLastReminderDue";
        public static final String REMIND_PAYMENT = "remindPayment";
        public static final String PAYMENT_OVERDUE = "paymentOverdue";
        public static final String MARK_MILESTONE_OVERDUE = "markMilestoneOverdue";
        public static final String PAYMENT_ESCALATION_DUE = "paymentEscalationDue";
        public static final String ESCALATE_OVERDUE_PAYMENT = "escalateOverduePayment";
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

    /** Messages the lifecycle waits for; each is correlated to one instance by Pactum after it recorded the fact. */
    public static final class Message {
        /** The counterparty's signature came back (an uploaded counter-signed PDF, or the provider's). */
        public static final String COUNTER_SIGNATURE_RECEIVED = "CounterSignatureReceived";
        /** Someone allowed to end the contract did so before its term ended. */
        public static final String CONTRACT_TERMINATED = "ContractTerminated";
        /** A payment towards a milestone was recorded (correlated to the milestone's own execution). */
        public static final String PAYMENT_RECEIVED = "PaymentReceived";
        /** The project system reported the acceptance or delivery a milestone waits for (to that milestone). */
        public static final String PROJECT_EVENT_RECEIVED = "ProjectEventReceived";
        /** An approved amendment removed or changed a milestone (to that milestone). */
        public static final String MILESTONE_WITHDRAWN = "MilestoneWithdrawn";

        private Message() {
        }
    }

    /** Process and task variables. */
    public static final class Var {
        /** Ties the instance to its contract; set by Pactum when it starts the instance, never by a caller. */
        public static final String CONTRACT_ID = "contractId";
        /** Ties an amendment's approval instance to its amendment; set by Pactum when it starts the instance. */
        public static final String AMENDMENT_ID = "amendmentId";
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
        /** When the owner is reminded, then the managers told, that the counterparty has not signed yet. */
        public static final String SIGNATURE_REMINDER_AT = "signatureReminderAt";
        public static final String SIGNATURE_ESCALATE_AT = "signatureEscalateAt";
        /** The provider the contract goes out through ({@code none}: upload only), as the signing record says. */
        public static final String COUNTER_SIGNATURE_PROVIDER = "counterSignatureProvider";
        /** Signed before the start date: wait for it ({@code activationAt}, the start date's first moment). */
        public static final String STARTS_LATER = "startsLater";
        public static final String ACTIVATION_AT = "activationAt";
        /** The first moment after the end date. */
        public static final String TERM_ENDS_AT = "termEndsAt";
        /** When the renewal window opens, the owner is reminded (twice), and the notice deadline passes. */
        public static final String RENEWAL_WINDOW_AT = "renewalWindowAt";
        public static final String RENEWAL_SECOND_REMINDER_AT = "renewalSecondReminderAt";
        public static final String RENEWAL_LAST_REMINDER_AT = "renewalLastReminderAt";
        public static final String NOTICE_DEADLINE_AT = "noticeDeadlineAt";
        /** The contract renews itself when nobody objects by the deadline (read from the contract). */
        public static final String AUTO_RENEWS = "autoRenews";
        /** The renewal form's fields, local to the renewal task's execution. */
        public static final String RENEWAL_DECISION = "renewalDecision";
        public static final String RENEWAL_COMMENT = "renewalComment";
        public static final String RENEWAL_PROPOSED_AMOUNT = "renewalProposedAmount";
        /** Task-local: what the renewal form shows about the contract. */
        public static final String RENEWAL_SUMMARY = "renewalSummary";
        /** RENEW, RENEGOTIATE or LET_EXPIRE: the recorded decision, what the gateway after the task reads. */
        public static final String RENEWAL_OUTCOME = "renewalOutcome";
        /** The ids of the contract's payment milestones: one instance of "Payment milestone" each. */
        public static final String MILESTONE_IDS = "milestoneIds";
        /** Local to one milestone's instance, and the key a {@code PaymentReceived} message names. */
        public static final String MILESTONE_ID = "milestoneId";
        public static final String PAYMENT_FIRST_REMINDER_AT = "paymentFirstReminderAt";
        public static final String PAYMENT_LAST_REMINDER_AT = "paymentLastReminderAt";
        public static final String PAYMENT_OVERDUE_AT = "paymentOverdueAt";
        public static final String PAYMENT_ESCALATE_AT = "paymentEscalateAt";
        /** Local: the milestone is paid in full (read from the payments recorded, after each one). */
        public static final String MILESTONE_SETTLED = "milestoneSettled";
        /** Local to a milestone's instance: it waits for its project's acceptance or delivery. */
        public static final String MILESTONE_AWAITS_EVENT = "milestoneAwaitsEvent";

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
