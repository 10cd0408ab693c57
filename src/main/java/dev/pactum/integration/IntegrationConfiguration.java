package dev.pactum.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IntegrationProperties.class, FinanceAdapterProperties.class,
        CrmAdapterProperties.class})
class IntegrationConfiguration {

    /** One client for every outbound call; never follows redirects, so a peer cannot send a call elsewhere. */
    @Bean
    PeerClient peerClient(IntegrationProperties properties) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new PeerClient(http, properties.timeout());
    }

    /** Kingdee's bills; it logs in on its first call, so it costs nothing while finance speaks the generic protocol. */
    @Bean
    KingdeeReceivableBills kingdeeReceivableBills(IntegrationProperties properties, ObjectMapper json, Clock clock) {
        return new KingdeeReceivableBills(new KingdeeWebApi(properties.connectTimeout(), properties.timeout(), json),
                json, clock);
    }

    /**
     * Salesforce's upserts; the token is fetched on the first push. A JWT bearer key that cannot be read stops
     * start-up instead of the first push.
     */
    @Bean
    SalesforceUpserts salesforceUpserts(IntegrationProperties properties, CrmAdapterProperties crm, ObjectMapper json,
                                        Clock clock) {
        if (crm.protocol() == CrmProtocol.SALESFORCE
                && crm.salesforce().flow() == CrmAdapterProperties.SalesforceFlow.JWT_BEARER) {
            SalesforceApi.privateKey(crm.salesforce().privateKey());
        }
        return new SalesforceUpserts(new SalesforceApi(properties.connectTimeout(), properties.timeout(), json, clock),
                json, clock);
    }
}
