package dev.pactum.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses an API request body larger than Pactum ever needs (1 MiB; 10 MiB for a rule set to replay, which may
 * carry a workbook; 20 MiB for a PDF) before it is read, answered 413 problem+json through {@link ProblemHandler}.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit implements WebMvcConfigurer, HandlerInterceptor {

    static final long MAX_BODY_BYTES = 1024 * 1024;
    static final long MAX_RULES_BODY_BYTES = 10 * 1024 * 1024;
    /** A signed contract PDF sent back (it may be a scan) or sent to be verified. */
    static final long MAX_PDF_BODY_BYTES = 20 * 1024 * 1024;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        long limit = request.getRequestURI().startsWith("/api/admin/rules/") ? MAX_RULES_BODY_BYTES
                : "application/pdf".equalsIgnoreCase(request.getContentType()) ? MAX_PDF_BODY_BYTES : MAX_BODY_BYTES;
        if (request.getContentLengthLong() > limit) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "pactum.problem.too-large.detail",
                    limit / 1024 / 1024);
        }
        return true;
    }
}
