package dev.pactum.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code GET /error} typed into a browser (not an error being shown) has no error status, which Spring Boot's error
 * controller answers with 500. It is a page that does not exist: 404. Only direct requests are touched; errors the
 * container forwards to {@code /error} keep their own status.
 */
@Configuration(proxyBeanMethods = false)
class DirectErrorRequests {

    @Bean
    FilterRegistrationBean<Filter> directErrorRequestsAreNotFound() {
        Filter notFound = (request, response, chain) -> {
            if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
                request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpServletResponse.SC_NOT_FOUND);
            }
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(notFound);
        registration.addUrlPatterns("/error");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setName("Pactum: /error requested directly is 404");
        return registration;
    }
}
