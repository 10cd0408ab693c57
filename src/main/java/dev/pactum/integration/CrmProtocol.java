package dev.pactum.integration;

/** How contract summaries reach the CRM: Pactum's generic JSON protocol, or Salesforce's REST API (upserts). */
enum CrmProtocol {
    GENERIC,
    SALESFORCE
}
