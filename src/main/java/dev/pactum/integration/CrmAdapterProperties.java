package dev.pactum.integration;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collections;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which protocol the CRM speaks and what it is trusted with (prefix {@code pactum.integration.crm}, beside
 * {@link IntegrationProperties.Peer}'s url and inbound secret); every setting is documented in README.
 *
 * @param protocol          {@code generic} (default) or {@code salesforce}
 * @param creditLimitFromCrm whether a {@code creditLimit} in the CRM's {@code customer.updated} events is applied;
 *                          off (default), credit data stays finance's and such a value is ignored
 * @param salesforce        the Salesforce settings, read only when {@code protocol} is {@code salesforce}
 */
@ConfigurationProperties(prefix = "pactum.integration.crm")
record CrmAdapterProperties(@DefaultValue("generic") CrmProtocol protocol,
                            @DefaultValue("false") boolean creditLimitFromCrm,
                            @DefaultValue Salesforce salesforce) {

    CrmAdapterProperties {
        if (protocol == CrmProtocol.SALESFORCE) {
            salesforce.requireComplete();
        }
    }

    /** How Pactum obtains a Salesforce access token: both are server-to-server OAuth 2.0 flows without a user. */
    enum SalesforceFlow {
        /** {@code grant_type=client_credentials}: the connected app's consumer key and secret; runs as its user. */
        CLIENT_CREDENTIALS,
        /** {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}: an RS256 assertion for a named user. */
        JWT_BEARER
    }

    /**
     * One Salesforce org: how to get a token, and how the contract summary maps onto its Account and Opportunity
     * (objects, their external-id fields and field names differ from org to org).
     *
     * @param flow                  {@code client-credentials} (default) or {@code jwt-bearer}
     * @param clientId              the connected (or external client) app's consumer key; the JWT's {@code iss}
     * @param clientSecret          its consumer secret (client credentials)
     * @param username              the Salesforce user the JWT names ({@code sub})
     * @param privateKey            PEM (PKCS#8, {@code BEGIN PRIVATE KEY}) of the key whose certificate the app holds
     * @param audience              the JWT's {@code aud}: {@code https://login.salesforce.com}, {@code
     *                              https://test.salesforce.com} for a sandbox
     * @param tokenUrl              the token endpoint; empty: {@code <crm url>/services/oauth2/token}
     * @param apiVersion            REST API version, {@code vXX.X}
     * @param tokenLifetime         how long a token is used before a new one is fetched (Salesforce's answers carry
     *                              no expiry; match the app's session timeout). A 401 fetches one earlier, once
     * @param accountObject         the sObject a customer is upserted as
     * @param accountExternalId     its external-id field holding the 统一社会信用代码 (required)
     * @param opportunityObject     the sObject a contract is upserted as
     * @param opportunityExternalId its external-id field holding the contract number (required)
     * @param accountFields         our value → the Account's field, over {@link #DEFAULT_ACCOUNT_FIELDS}; an empty
     *                              field name leaves the value out
     * @param opportunityFields     our value → the Opportunity's field, over {@link #DEFAULT_OPPORTUNITY_FIELDS}
     * @param stages                contract status → the Opportunity's StageName, over {@link #DEFAULT_STAGES}
     */
    record Salesforce(@DefaultValue("client-credentials") SalesforceFlow flow, String clientId, String clientSecret,
                      String username, String privateKey,
                      @DefaultValue("https://login.salesforce.com") String audience, URI tokenUrl,
                      @DefaultValue("v62.0") String apiVersion, @DefaultValue("PT1H") Duration tokenLifetime,
                      @DefaultValue("Account") String accountObject, String accountExternalId,
                      @DefaultValue("Opportunity") String opportunityObject, String opportunityExternalId,
                      Map<String, String> accountFields, Map<String, String> opportunityFields,
                      Map<String, String> stages) {

        static final Map<String, String> DEFAULT_ACCOUNT_FIELDS = ordered(
                "name", "Name", "contactName", "", "contactEmail", "", "contactPhone", "Phone");

        static final Map<String, String> DEFAULT_OPPORTUNITY_FIELDS = ordered(
                "title", "Name", "stage", "StageName", "closeDate", "CloseDate", "amount", "Amount",
                "account", "Account", "description", "Description", "currency", "", "startDate", "",
                "endDate", "", "status", "", "type", "", "owner", "", "paymentTermDays", "");

        static final Map<String, String> DEFAULT_STAGES = ordered(
                "ACTIVE", "Closed Won", "RENEWED", "Closed Won", "EXPIRED", "Closed Won", "TERMINATED", "Closed Lost");

        Salesforce {
            accountFields = merged("account-fields", DEFAULT_ACCOUNT_FIELDS, accountFields);
            opportunityFields = merged("opportunity-fields", DEFAULT_OPPORTUNITY_FIELDS, opportunityFields);
            Map<String, String> mergedStages = new LinkedHashMap<>(DEFAULT_STAGES);
            if (stages != null) {
                mergedStages.putAll(stages);
            }
            stages = Map.copyOf(mergedStages);
            if (apiVersion != null && !apiVersion.matches("v\\d{2,3}\\.\\d")) {
                throw new IllegalArgumentException("pactum.integration.crm.salesforce.api-version: " + apiVersion
                        + " is not vXX.X, e.g. v62.0");
            }
        }

        void requireComplete() {
            require(clientId, "client-id");
            require(accountExternalId, "account-external-id");
            require(opportunityExternalId, "opportunity-external-id");
            if (flow == SalesforceFlow.CLIENT_CREDENTIALS) {
                require(clientSecret, "client-secret");
            } else {
                require(username, "username");
                require(privateKey, "private-key");
            }
        }

        private static void require(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("pactum.integration.crm.protocol is salesforce:"
                        + " set pactum.integration.crm.salesforce." + name);
            }
        }

        private static Map<String, String> merged(String name, Map<String, String> defaults,
                                                  Map<String, String> given) {
            Map<String, String> merged = new LinkedHashMap<>(defaults);
            if (given != null) {
                given.forEach((ours, theirs) -> {
                    if (!defaults.containsKey(ours)) {
                        throw new IllegalArgumentException("pactum.integration.crm.salesforce." + name + "." + ours
                                + ": unknown; known are " + defaults.keySet());
                    }
                    merged.put(ours, theirs == null ? "" : theirs.trim());
                });
            }
            return Collections.unmodifiableMap(merged);
        }

        private static Map<String, String> ordered(String... pairs) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                map.put(pairs[i], pairs[i + 1]);
            }
            return Collections.unmodifiableMap(map);
        }
    }
}
