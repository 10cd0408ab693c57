# Build: docker build -t pactum .   Run: see docker-compose.yml (needs an external PostgreSQL: without
# SPRING_DATASOURCE_URL the app refuses to start rather than keep data in a throw-away embedded database).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY . .
# The jar's layers (BOOT-INF/layers.idx), unpacked with Spring Boot's tools jar mode.
RUN mvn -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/pactum.jar extract --layers --launcher --destination target/layers

FROM eclipse-temurin:17-jre
# curl for HEALTHCHECK (newer Temurin images no longer ship it).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 pactum \
 && mkdir -p /var/lib/pactum/keys && chown pactum /var/lib/pactum/keys && chmod 700 /var/lib/pactum/keys
USER pactum
WORKDIR /app
# One image layer per jar layer, least often changed first: a code change rebuilds and ships only "application".
COPY --from=build /src/target/layers/dependencies/ ./
COPY --from=build /src/target/layers/spring-boot-loader/ ./
COPY --from=build /src/target/layers/snapshot-dependencies/ ./
COPY --from=build /src/target/layers/application/ ./
# Heap sized by the container's memory limit, not the host's; an OutOfMemoryError ends the process so the
# orchestrator restarts it instead of leaving a half-working JVM. Override or extend with JAVA_OPTS.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# Ready = database reachable and job executor acquiring (README, "Operations"); start-up takes a minute or two.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 \
  CMD curl -fsS -o /dev/null "http://localhost:${SERVER_PORT:-8080}/actuator/health/readiness" || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "pactum"]
