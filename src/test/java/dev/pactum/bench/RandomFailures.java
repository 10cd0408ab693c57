package dev.pactum.bench;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.ThreadLocalRandom;

/** A WireMock peer that answers 503 instead of the stub's answer to a share of the calls, at random. */
public final class RandomFailures implements ResponseDefinitionTransformerV2 {

    private final double share;

    public RandomFailures(double share) {
        this.share = share;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        return ThreadLocalRandom.current().nextDouble() < share
                ? ResponseDefinitionBuilder.responseDefinition().withStatus(503).withBody("random failure").build()
                : serveEvent.getResponseDefinition();
    }

    @Override
    public String getName() {
        return "random-failures";
    }
}
