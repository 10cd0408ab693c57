package dev.pactum.obligation;

import org.springframework.stereotype.Component;

/**
 * Which provider a contract goes out through when the company signs it: {@code pactum.signing.provider}. Read once
 * per contract (the signing record keeps it), so changing the setting never re-routes a contract already out.
 */
@Component
public class CounterSignatureRoute {

    private final SigningProperties signing;
    private volatile SigningProvider override;

    CounterSignatureRoute(SigningProperties signing) {
        this.signing = signing;
    }

    public SigningProvider provider() {
        SigningProvider chosen = override;
        return chosen != null ? chosen : signing.provider();
    }

    /**
     * The tests' one shared application runs with {@code none}; a provider test routes the contracts it signs through
     * a provider and sets it back ({@code null}) when done. Production sets {@code pactum.signing.provider}.
     */
    public void overrideForTests(SigningProvider provider) {
        this.override = provider;
    }
}
