package dev.pactum.document;

import java.time.Instant;

/** A stored document version without its bytes: what a version list shows. */
public record DocumentVersionInfo(int version, DocumentKind kind, String sha256, int sizeBytes, Instant createdAt,
                                  String createdBy) {
}
