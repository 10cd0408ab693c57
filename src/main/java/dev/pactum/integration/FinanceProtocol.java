package dev.pactum.integration;

/** How receivables reach finance: Pactum's generic JSON protocol, or Kingdee 金蝶云·星空's WebAPI (应收单). */
enum FinanceProtocol {
    GENERIC,
    KINGDEE
}
