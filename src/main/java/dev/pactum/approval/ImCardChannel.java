package dev.pactum.approval;

import dev.pactum.web.DomainException;
import java.util.Map;
import java.util.Optional;

/**
 * An IM that carries approval cards (Feishu, DingTalk, WeCom): who its users are, how a card goes out, how a callback is
 * believed and answered. What a click does is the same for every IM ({@link ImCardDecisions}).
 */
interface ImCardChannel {

    /** The IM's name in the callback path {@code /api/integrations/im/{provider}/card-action}. */
    String provider();

    /** How the audit trail names the IM ("via … card"). */
    String label();

    /** The IM app's settings: whether it is on, and its directory of users. */
    ImApprovalProperties.Directory directory();

    default boolean enabled() {
        return directory().enabled();
    }

    /** The IM user id of a Pactum user, if the directory names one. */
    default Optional<String> imUserOf(String pactumUser) {
        return Optional.ofNullable(directory().users().get(pactumUser));
    }

    /** The Pactum user an IM user id belongs to, if the directory names one. */
    default Optional<String> pactumUserOf(String imUserId) {
        return directory().pactumUser(imUserId);
    }

    /** Sends the card for an open task to one approver; a failure is an exception (the sender logs it). */
    void send(String imUserId, ImCard card);

    /** Checks and reads a callback; a bad, missing or stale signature is a 401 problem and nothing is read. */
    Callback authenticate(Map<String, String> headers, Map<String, String> query, byte[] body);

    /**
     * Answers the IM's check of the callback URL made with a GET (WeCom's {@code echostr}); IMs that check it
     * otherwise (or not at all) have no such door.
     */
    default String verifyUrl(Map<String, String> query) {
        throw DomainException.notFound("pactum.imcard.providerUnknown", provider());
    }

    /** The callback's answer in the IM's own format. */
    Map<String, Object> answer(ImCardAnswer answer);

    /** What a callback asks: a reply the IM expects as it is (a URL check), or an approver's click. */
    sealed interface Callback permits Reply, Click {
    }

    record Reply(Map<String, Object> body) implements Callback {
    }

    record Click(ImCardAction action) implements Callback {
    }
}
