package dev.pactum.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description at {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}, made for integrators:
 * a real {@code info}, the three ways to authenticate (HTTP Basic, an API token, the browser's session) behind
 * Swagger UI's Authorize button, {@code Pageable} as the {@code page}, {@code size} and {@code sort} query
 * parameters Spring reads, every refusal documented as {@code application/problem+json} ({@link ProblemHandler}),
 * and stable, unique operation ids. Redocly's recommended rule set passes on the result (README, "The REST API").
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    public static final String BASIC = "basicAuth";
    public static final String BEARER = "apiToken";
    public static final String SESSION = "browserSession";
    public static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Calls that carry no login: each proves itself otherwise (a signature, a secret address). */
    private static final Set<String> OPEN_OPERATIONS = Set.of(
            "POST /api/integrations/{peer}/events",
            "POST /api/integrations/esign/{provider}/callback",
            "GET /calendar/{token}.ics");

    @Bean
    OpenAPI pactumOpenApi(ObjectProvider<BuildProperties> build,
            @Value("${pactum.api-docs.contact-name:Pactum}") String contactName,
            @Value("${pactum.api-docs.contact-url:${pactum.base-url:}}") String contactUrl,
            @Value("${pactum.api-docs.contact-email:}") String contactEmail,
            @Value("${pactum.api-docs.license-name:Proprietary}") String licenseName,
            @Value("${pactum.api-docs.license-url:}") String licenseUrl) {
        BuildProperties properties = build.getIfAvailable();
        Contact contact = new Contact().name(contactName);
        if (!contactUrl.isBlank()) {
            contact.url(contactUrl);
        }
        if (!contactEmail.isBlank()) {
            contact.email(contactEmail);
        }
        License license = new License().name(licenseName);
        if (!licenseUrl.isBlank()) {
            license.url(licenseUrl);
        }
        return new OpenAPI()
                .info(new Info()
                        .title("Pactum API · 合同生命周期管理")
                        .version(properties != null ? properties.getVersion() : "dev")
                        .description("""
                                Customers, contracts, approvals, payments and the rest of a contract's life, as JSON.

                                **Authenticate** with HTTP Basic (a Pactum user), an API token of a service account \
                                (`Authorization: Bearer …`, scopes read/write/engine/webhooks/metrics), or, in a browser, \
                                the session of your login; a browser's session must send the CSRF token on writes \
                                (Swagger UI does it for you). Swagger UI's *Authorize* button sets Basic or the token.

                                **Errors** are RFC 9457 `application/problem+json` with a stable `type` \
                                (`https://pactum.dev/problems/validation`, `…/not-found`, `…/conflict`, …), a title and \
                                detail in the caller's language (`Accept-Language: en` for English, Chinese otherwise) \
                                and, for bad input, every field at fault in `errors: [{field, message}]`.

                                **Lists** are paged with `page` (from 0), `size` and `sort=property,asc|desc`.""")
                        .contact(contact)
                        .license(license))
                // Relative: the server this description was read from, whatever address or proxy reached it.
                .servers(List.of(new Server().url("/").description("This Pactum server")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A Pactum user's name and password"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("Pactum API token")
                                .description("A service account's API token (POST /api/admin/service-accounts/{id}/tokens)"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The browser's session after logging in at /login; writes also need "
                                        + "the CSRF token in the X-CSRF-TOKEN header"))
)
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER),
                        new SecurityRequirement().addList(SESSION)));
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field or parameter at fault"))
                .addProperty("message", new StringSchema().description("What is wrong, in the caller's language"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri")
                        .example(ProblemHandler.TYPE_BASE + "validation"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("For bad input: every field at fault, in a stable order"));
    }

    /**
     * Per operation: {@code Pageable} as its query parameters; an operation id that stays the same from build to
     * build (the method's name, prefixed by its controller's where two controllers share a method name).
     */
    @Bean
    OperationCustomizer pactumOperations(
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
            org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings) {
        java.util.function.Supplier<Map<String, Long>> methodNames = org.springframework.util.function.SingletonSupplier
                .of(() -> mappings.getHandlerMethods().values().stream()
                        .filter(ApiDocs::isRestController)
                        .map(method -> method.getMethod().getName())
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        return (operation, handler) -> {
            String name = handler.getMethod().getName();
            if (methodNames.get().getOrDefault(name, 0L) > 1) {
                operation.setOperationId(controllerPrefix(handler) + Character.toUpperCase(name.charAt(0))
                        + name.substring(1));
            } else {
                operation.setOperationId(name);
            }
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (Pageable.class.isAssignableFrom(parameter.getParameterType())) {
                    pageableAsQueryParameters(operation, parameter);
                }
            }
            return operation;
        };
    }

    private static boolean isRestController(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getBeanType(),
                org.springframework.web.bind.annotation.RestController.class);
    }

    private static String controllerPrefix(HandlerMethod handler) {
        String type = handler.getBeanType().getSimpleName().replaceAll("Controller$", "");
        return Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }

    /** Replaces springdoc's {@code page} object (which Spring does not read) with what Spring reads. */
    private static void pageableAsQueryParameters(Operation operation, MethodParameter parameter) {
        String name = parameter.getParameterName();
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        parameters.removeIf(p -> "query".equals(p.getIn()) && (p.getName().equals(name)
                || Set.of("page", "size", "sort").contains(p.getName())));
        PageableDefault defaults = parameter.getParameterAnnotation(PageableDefault.class);
        int size = defaults == null ? 20 : (defaults.size() != 10 ? defaults.size() : defaults.value());
        int page = defaults == null ? 0 : defaults.page();
        String sort = defaults == null || defaults.sort().length == 0 ? null
                : Arrays.stream(defaults.sort()).map(property -> property + ","
                        + (defaults.direction() == Sort.Direction.DESC ? "desc" : "asc"))
                        .collect(Collectors.joining("; "));
        parameters.add(new Parameter().in("query").name("page").required(false)
                .description("Page number, from 0")
                .schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)._default(page)));
        parameters.add(new Parameter().in("query").name("size").required(false)
                .description("Rows per page")
                .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)._default(size)));
        parameters.add(new Parameter().in("query").name("sort").required(false)
                .description("`property,asc` or `property,desc`; repeat for more properties"
                        + (sort == null ? "" : ". Default: " + sort))
                .schema(new ArraySchema().items(new StringSchema())));
        operation.setParameters(parameters);
    }

    /**
     * Over the whole description: the refusals every operation can answer, as problem+json; no login asked of the
     * calls that prove themselves otherwise; no schema left that nothing uses.
     */
    @Bean
    OpenApiCustomizer pactumProblems() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            // Here rather than in the OpenAPI bean: springdoc rebuilds the schemas from the model it resolves.
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean open = OPEN_OPERATIONS.contains(method.name() + " " + path);
                if (open) {
                    operation.setSecurity(List.of());
                }
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
                        : operation.getResponses();
                boolean hasInput = operation.getRequestBody() != null
                        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
                if (hasInput) {
                    problem(responses, "400", "Bad input: the problem lists every field at fault");
                }
                if (!open) {
                    problem(responses, "401", "No login, or a wrong password or token");
                    problem(responses, "403", "The caller may not do this");
                }
                if (path.contains("{")) {
                    problem(responses, "404", "Not found, or not visible to the caller");
                }
                if (!hasInput && open && !path.contains("{")) {
                    problem(responses, "400", "Bad request");
                }
                operation.setResponses(responses);
            }));
            dropUnusedSchemas(openApi);
        };
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        sortByStatus(responses);
    }

    private static void sortByStatus(ApiResponses responses) {
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        responses.putAll(sorted);
    }

    /** Springdoc's {@code Pageable} schema, for one, is no longer referenced once the parameters replace it. */
    private static void dropUnusedSchemas(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        boolean removed = true;
        while (removed) {
            String everything = io.swagger.v3.core.util.Json.pretty(new HashMap<>(Map.of(
                    "paths", openApi.getPaths(), "schemas", schemas)));
            removed = schemas.keySet().removeIf(name -> !name.equals(PROBLEM)
                    && !everything.contains("\"#/components/schemas/" + name + "\""));
        }
    }
}
