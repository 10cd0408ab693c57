package dev.pactum.obligation;

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
 */
@ConfigurationProperties(prefix = "pactum.signing")
public record SigningProperties(
        @DefaultValue("") String keystore,
        @DefaultValue("") String keystorePassword,
        @DefaultValue("") String keyAlias,
        @DefaultValue("false") boolean generateIfMissing,
        @DefaultValue("P3D") Duration reminderAfter,
        @DefaultValue("P7D") Duration escalateAfter) {
}
