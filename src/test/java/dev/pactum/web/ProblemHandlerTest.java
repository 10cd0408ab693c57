package dev.pactum.web;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The problem+json every refusal becomes, checked on a controller that fails on demand: the status and stable type
 * a client branches on, the title in the caller's language, and nothing of the server's internals in the answer.
 */
class ProblemHandlerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new ProblemHandler(messages(), java.util.List.of()))
            .setLocaleResolver(companyDefaultZhCn())
            .build();

    @Test
    void aStateConflictIsA409InTheCallersLanguage() throws Exception {
        problem("/fail/conflict", "zh-CN").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://pactum.dev/problems/conflict"))
                .andExpect(jsonPath("$.title").value("与当前状态冲突"))
                .andExpect(jsonPath("$.detail").value("合同 HT-2026-000001 当前状态为 ACTIVE，只有草稿可以提交审批。"));
        problem("/fail/conflict", "en").andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Conflicts with the current state"))
                .andExpect(jsonPath("$.detail").value(containsString("HT-2026-000001")));
    }

    @Test
    void aWriteThatBreaksADatabaseConstraintIsA409WithoutTheSql() throws Exception {
        problem("/fail/constraint", "en").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://pactum.dev/problems/conflict"))
                .andExpect(jsonPath("$.detail").value("This operation conflicts with existing data."))
                .andExpect(content().string(not(containsString("customer_credit_code_key"))));
    }

    @Test
    void aConcurrentChangeIsA409AskingToReload() throws Exception {
        for (String path : new String[] {"/fail/optimistic-lock", "/fail/pessimistic-lock"}) {
            problem(path, "en").andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("https://pactum.dev/problems/concurrent-modification"))
                    .andExpect(jsonPath("$.title").value("Changed by someone else"))
                    .andExpect(jsonPath("$.detail").value(containsString("reload")));
        }
        problem("/fail/optimistic-lock", null)
                .andExpect(jsonPath("$.title").value("数据已被他人修改"));
    }

    @Test
    void anUnexpectedErrorIsA500ThatTellsNothingOfTheServer() throws Exception {
        problem("/fail/unexpected", "en").andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://pactum.dev/problems/internal"))
                .andExpect(jsonPath("$.title").value("Internal server error"))
                .andExpect(jsonPath("$.detail").value(
                        "An unexpected error occurred and was logged. Nothing was partly saved."))
                .andExpect(content().string(not(containsString("jdbc:postgresql"))));
        problem("/fail/unexpected", null)
                .andExpect(jsonPath("$.title").value("服务器内部错误"));
    }

    @Test
    void notFoundAndForbiddenKeepTheirStatuses() throws Exception {
        problem("/fail/not-found", "en").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://pactum.dev/problems/not-found"));
        problem("/fail/forbidden", "en").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://pactum.dev/problems/forbidden"));
    }

    @Test
    void springsOwnRefusalsKeepTheirStatusAsProblems() throws Exception {
        mvc.perform(post("/fail/json").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("x=1"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://pactum.dev/problems/http-415"));
        mvc.perform(post("/fail/json").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://pactum.dev/problems/malformed-request"));
    }

    private ResultActions problem(String path, String language) throws Exception {
        var request = get(path).accept(MediaType.APPLICATION_JSON);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return mvc.perform(request)
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.instance").value(path));
    }

    /** The application's bundles, as {@code spring.messages} configures them. */
    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** {@code spring.web.locale: zh_CN}: Chinese unless the caller asks otherwise. */
    private static AcceptHeaderLocaleResolver companyDefaultZhCn() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    @RestController
    static class FailingController {

        @GetMapping("/fail/{what}")
        String fail(@PathVariable String what) {
            throw switch (what) {
                case "conflict" -> DomainException.conflict("pactum.contract.notDraft", "HT-2026-000001", "ACTIVE");
                case "not-found" -> DomainException.notFound("pactum.contract.notFound", 42);
                case "forbidden" -> DomainException.forbidden("pactum.contract.notFound", 42);
                case "constraint" -> new DataIntegrityViolationException("insert into customer ...", new SQLException(
                        "duplicate key value violates unique constraint \"customer_credit_code_key\""));
                case "optimistic-lock" -> new ObjectOptimisticLockingFailureException("Contract", 7L);
                case "pessimistic-lock" -> new PessimisticLockingFailureException("could not obtain lock");
                default -> new IllegalStateException("connection refused: jdbc:postgresql://db:5432/pactum");
            };
        }

        @PostMapping(path = "/fail/json", consumes = MediaType.APPLICATION_JSON_VALUE)
        String json(@RequestBody java.util.Map<String, Object> body) {
            return "ok";
        }
    }
}
