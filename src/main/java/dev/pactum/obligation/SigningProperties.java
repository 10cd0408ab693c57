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
        @DefaultValue Esign esign) {

    public SigningProperties {
        if (provider == SigningProvider.ESIGN && !esign.configured()) {
            throw new IllegalArgumentException("pactum.signing.provider is esign: set pactum.signing.esign.app-id,"
                    + " app-secret and callback-url");
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
