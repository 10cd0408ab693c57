package dev.pactum.obligation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Adds a PAdES baseline signature (ETSI.CAdES.detached, B-B level) to a PDF as an incremental update, so earlier
 * signatures stay valid: a detached CMS SignedData over the byte ranges, with the ESS signing-certificate-v2
 * attribute and without the CMS signing-time attribute (PAdES takes the time from the signature dictionary).
 */
final class PadesSigner {

    /** Room for the CMS blob in the PDF: a 2048/4096-bit RSA signature with a short chain fits easily. */
    private static final int SIGNATURE_SIZE = 32 * 1024;

    private PadesSigner() {
    }

    /**
     * @param signedAt when, as the signature dictionary's /M states it
     * @param reason   why (printed by readers beside the signature)
     */
    static byte[] sign(byte[] pdf, PrivateKey key, List<X509Certificate> chain, Instant signedAt, ZoneId zone,
                       String signerName, String reason) {
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signerName);
            signature.setReason(reason);
            signature.setSignDate(GregorianCalendar.from(ZonedDateTime.ofInstant(signedAt, zone)));
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, content -> cms(content.readAllBytes(), key, chain), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_SIZE * 2 + 4096);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign the PDF: " + e.getMessage(), e);
        }
    }

    private static byte[] cms(byte[] content, PrivateKey key, List<X509Certificate> chain) throws IOException {
        try {
            X509Certificate certificate = chain.get(0);
            byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(certificateHash)))));
            CMSAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(
                    new AttributeTable(attributes));
            CMSAttributeTableGenerator withoutSigningTime = parameters -> standard.getAttributes(parameters)
                    .remove(CMSAttributes.signingTime);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(withoutSigningTime)
                    .build(new JcaContentSignerBuilder(key.getAlgorithm().equals("EC") ? "SHA256withECDSA"
                            : "SHA256withRSA").build(key), certificate));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("cannot make the CMS signature: " + e.getMessage(), e);
        }
    }
}
