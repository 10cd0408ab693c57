package dev.pactum.approval;

/**
 * An approver's click on a card, as a provider's callback said it once its signature checked out.
 *
 * @param eventId    the provider's id of this callback: the same id again is the same click, delivered twice
 * @param imUserId   who clicked, in the provider's own user ids
 * @param taskId     the task the card was sent for (the card's button value)
 * @param contractId the contract of that task (the card's button value)
 * @param decision   approve, revise or reject, as the button said
 * @param comment    what the approver typed in the card's comment field, if anything
 */
record ImCardAction(String provider, String eventId, String imUserId, String taskId, long contractId,
                    String decision, String comment) {
}
