package dev.pactum.document;

/** A stored document version with its bytes, ready to send to a browser or a signing service. */
public record StoredDocument(int version, DocumentKind kind, String templateKey, String contentType, byte[] content,
                             String sha256) {

    public StoredDocument {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
