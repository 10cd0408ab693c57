package dev.pactum.document;

/** What a document version is: rendered from the template, or the rendered text with signatures added. */
public enum DocumentKind {
    RENDERED,
    /** Signed with the company's certificate (PAdES), ready to go to the counterparty. */
    COMPANY_SIGNED,
    /** Came back signed by the counterparty as well. */
    COUNTER_SIGNED
}
