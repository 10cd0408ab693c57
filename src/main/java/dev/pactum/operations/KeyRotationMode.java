package dev.pactum.operations;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the application is started as the key rotation command ({@code --pactum.documents.rotate-to=<key id>}), it
 * starts no web server and runs no jobs, as the what-if command does: it migrates the database if it must,
 * re-encrypts the documents, records that in the audit trail and exits. Without a configured active key, the key
 * rotated to is the active one for the command's own run.
 */
public class KeyRotationMode implements EnvironmentPostProcessor {

    static final String ROTATE_TO = "pactum.documents.rotate-to";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(ROTATE_TO)) {
            return;
        }
        Map<String, Object> command = new HashMap<>(Map.of(
                "spring.main.web-application-type", "none",
                "camunda.bpm.job-execution.enabled", "false",
                "pactum.demo-data.enabled", "false",
                // Camunda's REST starter assumes a servlet container even when there is none.
                "spring.autoconfigure.exclude",
                "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"));
        if (environment.getProperty("pactum.documents.active-key", "").isBlank()) {
            command.put("pactum.documents.active-key", environment.getProperty(ROTATE_TO));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("pactum-key-rotation", command));
        application.setWebApplicationType(WebApplicationType.NONE);
    }
}
