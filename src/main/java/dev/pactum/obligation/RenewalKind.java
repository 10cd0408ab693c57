package dev.pactum.obligation;

import java.util.Arrays;
import java.util.Optional;

/** What happened at a renewal window: the owner's three decisions, or the contract renewing itself. */
public enum RenewalKind {
    /** Renew on the same terms: a renewal contract goes to approval straight away. */
    RENEW("renew"),
    /** Renew on new terms: a renewal draft (with the amount proposed, if any) for the owner to negotiate and submit. */
    RENEGOTIATE("renegotiate"),
    /** Do not renew: the contract expires at its end date. */
    LET_EXPIRE("letExpire"),
    /** Auto-renewing, and nobody objected by the notice deadline: the term was extended. */
    AUTO_RENEWED(null);

    private final String formValue;

    RenewalKind(String formValue) {
        this.formValue = formValue;
    }

    /** The decision as the renewal form ({@code forms/renew-contract.form}) sends it; auto-renewal is no decision. */
    static Optional<RenewalKind> ofDecision(Object value) {
        return Arrays.stream(values()).filter(kind -> kind.formValue != null && kind.formValue.equals(value))
                .findFirst();
    }

    boolean makesRenewalContract() {
        return this == RENEW || this == RENEGOTIATE;
    }
}
