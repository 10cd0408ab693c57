package dev.pactum.operations;

import dev.pactum.config.PactumProperties;
import dev.pactum.document.DocumentProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar pactum.jar --pactum.backup.to=<folder>} and {@code --pactum.restore.from=<folder>}: the embedded
 * database's backup and restore, run instead of the app. They read the app's configuration (application.yaml,
 * profiles, environment, arguments) but start nothing of it: a restore must replace the database folder before any
 * server runs on it, and a backup needs only the files and, when no app runs, a server of its own.
 */
public final class OperationsCommands {

    static final String BACKUP_TO = "pactum.backup.to";
    static final String RESTORE_FROM = "pactum.restore.from";

    private OperationsCommands() {
    }

    /** Whether the arguments ask for a backup or a restore rather than the app. */
    public static boolean requested(String... args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + BACKUP_TO + "=")
                || arg.startsWith("--" + RESTORE_FROM + "="));
    }

    /** Runs the command the arguments name and returns the exit status (0 done, 2 refused, 3 damage found). */
    public static int run(String... args) {
        return run(System.out, args);
    }

    static int run(PrintStream out, String... args) {
        SpringApplication application = new SpringApplication(Settings.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        // The server's own start-up and shutdown lines would bury the command's few lines of output.
        application.setDefaultProperties(Map.of("logging.level.io.zonky.test.db.postgres", "WARN"));
        CommandOutput output = new CommandOutput(out);
        try (ConfigurableApplicationContext context = application.run(args)) {
            Environment environment = context.getEnvironment();
            if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
                output.say("external");
                return 2;
            }
            Backups backups = new Backups(context.getBean(PactumProperties.class).embeddedDatabase(),
                    context.getBean(DocumentProperties.class), output);
            String to = environment.getProperty(BACKUP_TO);
            return to != null ? backups.backUp(Path.of(to)) : backups.restore(Path.of(environment.getRequiredProperty(
                    RESTORE_FROM)));
        } catch (IllegalStateException | IOException | SQLException e) {
            output.say("failed", e.getMessage());
            return 2;
        }
    }

    /** The settings the commands read; deliberately not a component, so the app never picks it up. */
    @EnableConfigurationProperties({PactumProperties.class, DocumentProperties.class})
    static class Settings {
    }
}
