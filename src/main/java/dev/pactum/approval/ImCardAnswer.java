package dev.pactum.approval;

/**
 * What Pactum answers a card's click with: the outcome, a message for the approver (zh / en) and the card as it now
 * stands, or {@code null} when the card stays as it is (the approver may still decide from it).
 */
record ImCardAnswer(Outcome outcome, String message, ImCard card) {

    enum Outcome {
        /** The decision was taken, exactly as Tasklist takes it. */
        DONE,
        /** Nothing changed: the approver may not decide this task (or not so); the card says why. */
        REFUSED,
        /** Nothing changed: the task was decided (or taken) elsewhere; the card says by whom. */
        ALREADY_DECIDED
    }
}
