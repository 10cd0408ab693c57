package dev.pactum.rules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location      where the rule files ({@code *.drl}, {@code *.xlsx}) and their fixtures
 *                      ({@code fixtures/*.json}) are read from, searched recursively: {@code classpath:rules/} (the
 *                      files shipped in the jar) or a folder such as {@code file:/etc/pactum/rules/}
 * @param watch         when the location is a {@code file:} folder, reload the rules when a file in it changes
 * @param watchDebounce how long the folder must stay quiet after a change before the rules are reloaded, so an
 *                      editor's several writes of one save cause one reload
 */
@ConfigurationProperties(prefix = "pactum.rules")
public record RulesProperties(@DefaultValue(RulesProperties.DEFAULT_LOCATION) String location,
                              @DefaultValue("false") boolean watch,
                              @DefaultValue("500ms") Duration watchDebounce) {

    public static final String DEFAULT_LOCATION = "classpath:rules/";

    @ConstructorBinding
    public RulesProperties {
    }

    public RulesProperties(String location) {
        this(location, false, Duration.ofMillis(500));
    }
}
