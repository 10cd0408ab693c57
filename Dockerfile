# Build: docker build -t pactum .   Run: see docker-compose.yml (needs an external PostgreSQL).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY . .
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 pactum \
 && mkdir -p /var/lib/pactum/keys && chown pactum /var/lib/pactum/keys && chmod 700 /var/lib/pactum/keys
USER pactum
WORKDIR /app
COPY --from=build /src/target/pactum.jar /app/pactum.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/pactum.jar"]
