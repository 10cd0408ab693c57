package dev.pactum.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import dev.pactum.obligation.SigningProperties;
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

    /** e签宝; used (and its callbacks accepted) only once its application is configured. */
    @Bean
    EsignCn esignCn(SigningProperties signing, IntegrationProperties properties, ObjectMapper json, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new EsignCn(signing, http, properties.timeout(), json, clock);
    }

    /** DocuSign; used (and its Connect messages accepted) only once its integration is configured. */
    @Bean
    DocuSign docuSign(SigningProperties signing, IntegrationProperties properties, ObjectMapper json, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new DocuSign(signing, http, properties.timeout(), json, clock);
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
