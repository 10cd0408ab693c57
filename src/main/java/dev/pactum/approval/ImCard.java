package dev.pactum.approval;

/**
 * What an approval card shows, whichever IM draws it: the contract, where to read it, and — once answered — what
 * became of the decision ({@code status}; no buttons then).
 *
 * @param taskId      the approval task the buttons decide
 * @param contractId  the contract the task approves
 * @param riskLevel   the latest assessed risk level, or {@code null}
 * @param contractUrl the contract's page in the workspace
 * @param taskUrl     the task in Tasklist
 * @param status      what became of the card's task ({@code null} while it waits for a decision)
 * @param tone        how the answered card is coloured: {@code done}, {@code refused} or {@code info}
 */
record ImCard(String taskId, long contractId, String number, String title, String customer, String amount,
              String riskLevel, String contractUrl, String taskUrl, String status, String tone) {

    ImCard answered(String newStatus, String newTone) {
        return new ImCard(taskId, contractId, number, title, customer, amount, riskLevel, contractUrl, taskUrl,
                newStatus, newTone);
    }

    boolean open() {
        return status == null;
    }
}
