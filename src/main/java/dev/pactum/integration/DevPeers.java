package dev.pactum.integration;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code mvn spring-boot:run} only (profile {@code dev}): stand-ins for finance and the CRM on
 * {@code pactum.integration.dev-peers.port}, answering the generic protocol from the mappings in
 * {@code src/main/resources/dev-peers/}, so every integration works out of the box. WireMock is an optional
 * dependency left out of the packaged jar; without it this does nothing.
 */
@Component
@Profile("dev")
@ConditionalOnClass(name = "com.github.tomakehurst.wiremock.WireMockServer")
class DevPeers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DevPeers.class);

    private final int port;
    private WireMockServer server;

    DevPeers(@Value("${pactum.integration.dev-peers.port:8089}") int port) {
        this.port = port;
    }

    @Override
    public void start() {
        server = new WireMockServer(options().port(port).bindAddress("127.0.0.1")
                .usingFilesUnderClasspath("dev-peers"));
        server.start();
        log.info("Dev stand-ins for finance and the CRM (WireMock) on http://localhost:{}/ (requests: /__admin/requests)",
                port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The port it listens on (the configured one; a free one when configured as 0). */
    int port() {
        return server.port();
    }

    @Override
    public boolean isRunning() {
        return server != null && server.isRunning();
    }

    /** Up before the engine's job executor pushes anything, down after it stopped. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
