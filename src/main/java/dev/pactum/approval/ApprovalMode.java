package dev.pactum.approval;

/** How the groups and candidates of one approval level decide. */
public enum ApprovalMode {
    /** 或签: any one candidate approves for the level. */
    ANY,
    /** 会签: every group of the level must approve. */
    ALL
}
