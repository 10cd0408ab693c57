package dev.pactum.policy;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the application is started as the what-if command ({@code --pactum.what-if.rules=...}), it starts no web
 * server and runs no jobs: it only reads contracts, prints the report and exits.
 */
public class WhatIfMode implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("pactum.what-if.rules")) {
            environment.getPropertySources().addFirst(new MapPropertySource("pactum-what-if", Map.of(
                    "spring.main.web-application-type", "none",
                    "camunda.bpm.job-execution.enabled", "false",
                    "pactum.demo-data.enabled", "false",
                    // Camunda's REST starter assumes a servlet container even when there is none.
                    "spring.autoconfigure.exclude",
                    "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration")));
            application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        }
    }
}
