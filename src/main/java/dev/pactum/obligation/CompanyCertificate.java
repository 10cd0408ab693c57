package dev.pactum.obligation;

import dev.pactum.config.PactumProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The company's signing key and certificate chain, from the configured PKCS#12 keystore. Without one configured, a
 * self-signed key made in memory at start-up (tests); with {@code generate-if-missing}, a self-signed keystore is
 * written to the configured path the first time (the dev profile, under {@code ./data}).
 */
@Component
class CompanyCertificate {

    private static final Logger log = LoggerFactory.getLogger(CompanyCertificate.class);

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    CompanyCertificate(SigningProperties signing, PactumProperties pactum) {
        char[] password = signing.keystorePassword().toCharArray();
        try {
            KeyStore keyStore;
            if (signing.keystore().isBlank()) {
                log.warn("No pactum.signing.keystore configured: contracts are signed with a throw-away self-signed "
                        + "certificate made at start-up. Configure the company's certificate for real use.");
                keyStore = selfSigned(pactum.companyName(), "pactum", password);
            } else {
                keyStore = load(Path.of(signing.keystore()), signing.generateIfMissing(), pactum.companyName(),
                        password);
            }
            String alias = signing.keyAlias().isBlank() ? firstKeyAlias(keyStore) : signing.keyAlias();
            if (alias == null || !keyStore.isKeyEntry(alias)) {
                throw new IllegalStateException("the signing keystore " + signing.keystore() + " has no key"
                        + (signing.keyAlias().isBlank() ? "" : " named " + signing.keyAlias()));
            }
            this.privateKey = (PrivateKey) keyStore.getKey(alias, password);
            this.chain = Arrays.stream(keyStore.getCertificateChain(alias)).map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot read the signing keystore " + signing.keystore() + ": "
                    + e.getMessage(), e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** The signer's certificate first, then its issuers. */
    List<X509Certificate> chain() {
        return chain;
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    private static KeyStore load(Path path, boolean generateIfMissing, String companyName, char[] password)
            throws GeneralSecurityException, OperatorCreationException {
        try {
            if (!Files.exists(path) && generateIfMissing) {
                KeyStore generated = selfSigned(companyName, "pactum", password);
                Files.createDirectories(path.toAbsolutePath().getParent());
                try (OutputStream out = Files.newOutputStream(path)) {
                    generated.store(out, password);
                }
                log.info("Made a self-signed signing certificate for {} in {}", companyName, path.toAbsolutePath());
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(path)) {
                keyStore.load(in, password);
            }
            return keyStore;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing keystore " + path, e);
        }
    }

    /** A PKCS#12 keystore in memory with one RSA key and a self-signed certificate naming {@code commonName}. */
    static KeyStore selfSigned(String commonName, String alias, char[] password)
            throws GeneralSecurityException, OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.O, commonName).addRDN(BCStyle.C, "CN").build();
        // Real time, not the engine's clock: tests move the engine's clock, the certificate must stay valid.
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try {
            keyStore.load(null, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keyStore.setKeyEntry(alias, keys.getPrivate(), password, new Certificate[] {certificate});
        return keyStore;
    }

    private static String firstKeyAlias(KeyStore keyStore) throws GeneralSecurityException {
        for (String alias : Collections.list(keyStore.aliases())) {
            if (keyStore.isKeyEntry(alias)) {
                return alias;
            }
        }
        return null;
    }
}
