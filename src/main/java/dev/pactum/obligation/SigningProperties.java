package dev.pactum.obligation;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing settings (prefix {@code pactum.signing}).
 *
 * @param keystore          the company's PKCS#12 keystore (key and certificate chain); empty: a throw-away
 *                          self-signed one made in memory at start-up (tests), never for production
 * @param keystorePassword  its password (also the key's)
 * @param keyAlias          the key's alias; empty: the first key in the keystore
 * @param generateIfMissing make a self-signed keystore at {@code keystore} when there is none yet (the dev profile)
 * @param reminderAfter     the owner is reminded when the counterparty's signature has not come back this long
 *                          after the company signed
 * @param escalateAfter     then the owner's managers are told as well
 * @param provider          where the counterparty's signature comes from: {@code none} (the owner uploads it) or
 *                          {@code esign}; read when the company signs, so a change reaches contracts signed after it
 * @param callbackTolerance how far a provider callback's timestamp may lie from Pactum's clock; older is a replay
 * @param esign             the e签宝 application, read when {@code provider} is {@code esign}
 * @param docusign          the DocuSign integration, read when {@code provider} is {@code docusign}
 */
@ConfigurationProperties(prefix = "pactum.signing")
public record SigningProperties(
        @DefaultValue("") String keystore,
        @DefaultValue("") String keystorePassword,
        @DefaultValue("") String keyAlias,
        @DefaultValue("false") boolean generateIfMissing,
        @DefaultValue("P3D") Duration reminderAfter,
        @DefaultValue("P7D") Duration escalateAfter,
        @DefaultValue("none") SigningProvider provider,
        @DefaultValue("PT5M") Duration callbackTolerance,
        @DefaultValue Esign esign,
        @DefaultValue DocuSign docusign) {

    public SigningProperties {
        if (provider == SigningProvider.ESIGN && !esign.configured()) {
            throw new IllegalArgumentException("pactum.signing.provider is esign: set pactum.signing.esign.app-id,"
                    + " app-secret and callback-url");
        }
        if (provider == SigningProvider.DOCUSIGN && !docusign.configured()) {
            throw new IllegalArgumentException("pactum.signing.provider is docusign: set pactum.signing.docusign."
                    + "account-id, integration-key, user-id, private-key, connect-secret and callback-url");
        }
    }

    /**
     * A DocuSign integration (eSignature REST API v2.1, JWT grant, Connect with HMAC).
     *
     * @param oauthUrl       the account server: {@code https://account-d.docusign.com} (demo),
     *                       {@code https://account.docusign.com}
     * @param apiUrl         the account's base URI: {@code https://demo.docusign.net} (demo), e.g.
     *                       {@code https://eu.docusign.net}
     * @param accountId      the API account id (GUID)
     * @param integrationKey the app's integration key (the JWT's {@code iss})
     * @param userId         the user the app acts as (the JWT's {@code sub}; the user has granted consent)
     * @param privateKey     the app's RSA private key, PEM (PKCS#1 or PKCS#8)
     * @param connectSecret  the Connect HMAC key its webhook messages are signed with
     * @param callbackUrl    Pactum's public {@code /api/integrations/esign/docusign/callback}
     */
    public record DocuSign(@DefaultValue("https://account-d.docusign.com") URI oauthUrl,
                           @DefaultValue("https://demo.docusign.net") URI apiUrl, String accountId,
                           String integrationKey, String userId, String privateKey, String connectSecret,
                           URI callbackUrl) {

        public boolean configured() {
            return present(accountId) && present(integrationKey) && present(userId) && present(privateKey)
                    && present(connectSecret) && callbackUrl != null;
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }

    /**
     * An e签宝 application (open API v3).
     *
     * @param url         the API host: {@code https://openapi.esign.cn}, the sandbox {@code https://smlopenapi.esign.cn}
     * @param appId       the application's id (X-Tsign-Open-App-Id)
     * @param appSecret   its secret: signs Pactum's requests and e签宝's callbacks
     * @param callbackUrl where e签宝 reports the flow (notifyUrl): Pactum's public
     *                    {@code /api/integrations/esign/esign/callback}
     * @param expireAfter how long the counterparty has to sign before the flow expires
     */
    public record Esign(@DefaultValue("https://openapi.esign.cn") URI url, String appId, String appSecret,
                        URI callbackUrl, @DefaultValue("P30D") Duration expireAfter) {

        public boolean configured() {
            return appId != null && !appId.isBlank() && appSecret != null && !appSecret.isBlank()
                    && callbackUrl != null;
        }
    }
}
