package dev.pactum.web;

import dev.pactum.config.PactumProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started Pactum where to go. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final PactumProperties properties;

    public StartupBanner(PactumProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void printUrls() {
        String base = properties.baseUrl();
        log.info("""

                Pactum is ready:
                  Home       {}/
                  Tasklist   {}/camunda/app/tasklist/default/
                  Cockpit    {}/camunda/app/cockpit/default/
                  Admin      {}/camunda/app/admin/default/
                  API docs   {}/swagger-ui.html
                  Engine API {}/engine-rest""", base, base, base, base, base, base);
    }
}
