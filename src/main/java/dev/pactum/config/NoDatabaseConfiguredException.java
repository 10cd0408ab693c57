package dev.pactum.config;

/** Start-up without a database to keep data in: no external one, no embedded folder, no test profile. */
public class NoDatabaseConfiguredException extends IllegalStateException {

    static final String MESSAGE = "No database configured: set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME"
            + " and SPRING_DATASOURCE_PASSWORD) to a PostgreSQL, or PACTUM_EMBEDDED_DATABASE_DATA_DIR to a folder for"
            + " the embedded one; `mvn spring-boot:run` (profile dev) does the latter under ./data.";

    NoDatabaseConfiguredException() {
        super(MESSAGE);
    }
}
