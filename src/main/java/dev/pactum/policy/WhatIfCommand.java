package dev.pactum.policy;

import dev.pactum.rules.RuleCompilationException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar pactum.jar --pactum.what-if.rules=/path/to/rules --pactum.what-if.last=100}: prints the
 * what-if report of that rule folder against the live rules over the newest contracts, and exits (status 0, or 2
 * when the candidate does not compile). {@link WhatIfMode} keeps the web server and the job executor off.
 */
@Component
@ConditionalOnProperty(prefix = "pactum.what-if", name = "rules")
class WhatIfCommand implements ApplicationRunner {

    private final RuleWhatIf whatIf;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    public WhatIfCommand(RuleWhatIf whatIf, Environment environment, ConfigurableApplicationContext context) {
        this.whatIf = whatIf;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        String folder = environment.getRequiredProperty("pactum.what-if.rules");
        int last = environment.getProperty("pactum.what-if.last", Integer.class, 50);
        String location = folder.contains(":") && !folder.matches("^[A-Za-z]:\\\\.*") ? folder
                : java.nio.file.Path.of(folder).toAbsolutePath().toUri().toString();
        int status;
        try {
            System.out.println(whatIf.replay(whatIf.candidateAt(location), last).toText());
            status = 0;
        } catch (RuleCompilationException e) {
            System.err.println(e.getMessage());
            status = 2;
        }
        int exitStatus = status;
        System.exit(SpringApplication.exit(context, () -> exitStatus));
    }
}
