package dev.pactum.risk;

/** How risky a contract is (from its score) or how serious a single finding is. */
public enum RiskLevel {
    LOW(0),
    MEDIUM(30),
    HIGH(60);

    /** The lowest score that reaches this level. */
    private final int fromScore;

    RiskLevel(int fromScore) {
        this.fromScore = fromScore;
    }

    /** LOW under 30, MEDIUM under 60, HIGH from 60. */
    public static RiskLevel of(int score) {
        RiskLevel reached = LOW;
        for (RiskLevel level : values()) {
            if (score >= level.fromScore) {
                reached = level;
            }
        }
        return reached;
    }
}
