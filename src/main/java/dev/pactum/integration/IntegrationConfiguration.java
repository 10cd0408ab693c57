package dev.pactum.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IntegrationProperties.class, FinanceAdapterProperties.class})
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
}
