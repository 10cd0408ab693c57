package dev.pactum.obligation;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.springframework.stereotype.Component;

/**
 * Checks the signatures in a PDF: each one's CMS signature and digest over its byte ranges (a byte changed inside
 * them breaks it), and whether the last one covers the whole file (bytes added after signing leave it uncovered).
 */
@Component
class SignatureVerifier {

    private final CompanyCertificate company;

    SignatureVerifier(CompanyCertificate company) {
        this.company = company;
    }

    /** @throws NotAPdfException when the bytes are not a PDF */
    SignatureReport verify(byte[] pdf) {
        List<SignatureReport.Signature> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                found.add(check(signature, pdf));
            }
        } catch (IOException e) {
            throw new NotAPdfException(e);
        }
        return SignatureReport.of(found);
    }

    private SignatureReport.Signature check(PDSignature signature, byte[] pdf) {
        int[] range = signature.getByteRange();
        boolean coversWholeFile = range != null && range.length == 4 && range[0] == 0
                && (long) range[2] + range[3] == pdf.length;
        Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        String subFilter = signature.getSubFilter();
        try {
            if (range == null || range.length != 4 || (long) range[2] + range[3] > pdf.length) {
                return SignatureReport.Signature.broken(signature.getName(), signedAt, subFilter, "byte range");
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    signature.getContents(pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certificates = cms.getCertificates().getMatches(signer.getSID());
            if (certificates.isEmpty()) {
                return SignatureReport.Signature.broken(signature.getName(), signedAt, subFilter,
                        "no signer certificate");
            }
            X509CertificateHolder certificate = certificates.iterator().next();
            boolean intact = verified(signer, certificate);
            return new SignatureReport.Signature(commonName(certificate.getSubject()),
                    certificate.getSubject().toString(), certificate.getIssuer().toString(),
                    certificate.getSerialNumber().toString(16), signedAt, subFilter, intact, coversWholeFile,
                    isCompany(certificate), intact ? null : "signature or digest does not match the signed bytes");
        } catch (CMSException | IOException | RuntimeException e) {
            return SignatureReport.Signature.broken(signature.getName(), signedAt, subFilter, e.getMessage());
        }
    }

    private static boolean verified(SignerInformation signer, X509CertificateHolder certificate) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (CMSException | OperatorCreationException | CertificateException e) {
            return false;
        }
    }

    private boolean isCompany(X509CertificateHolder certificate) {
        try {
            X509Certificate ours = company.certificate();
            return Arrays.equals(ours.getEncoded(), certificate.getEncoded());
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }

    private static String commonName(X500Name name) {
        RDN[] common = name.getRDNs(BCStyle.CN);
        return common.length == 0 ? name.toString() : IETFUtils.valueToString(common[0].getFirst().getValue());
    }

    /** The bytes could not be read as a PDF. */
    static class NotAPdfException extends RuntimeException {
        NotAPdfException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
