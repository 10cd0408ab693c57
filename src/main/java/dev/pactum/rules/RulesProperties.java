package dev.pactum.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location where the {@code *.drl} files are read from, searched recursively:
 *                 {@code classpath:rules/} (the files shipped in the jar) or a folder such as {@code file:/etc/pactum/rules/}
 */
@ConfigurationProperties(prefix = "pactum.rules")
public record RulesProperties(@DefaultValue(RulesProperties.DEFAULT_LOCATION) String location) {

    public static final String DEFAULT_LOCATION = "classpath:rules/";
}
