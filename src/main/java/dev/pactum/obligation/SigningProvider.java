package dev.pactum.obligation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the counterparty's signature comes from ({@code pactum.signing.provider}): {@code none}, the owner uploads
 * the counter-signed PDF; {@code esign}, e签宝 (esign.cn open API v3) collects it; {@code docusign}, DocuSign
 * (eSignature REST API v2.1). Uploading stays possible either way.
 */
public enum SigningProvider {
    NONE,
    ESIGN,
    DOCUSIGN;

    /** The name in settings and paths: {@code none}, {@code esign}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SigningProvider> byId(String id) {
        return Arrays.stream(values()).filter(provider -> provider != NONE && provider.id().equals(id)).findFirst();
    }
}
