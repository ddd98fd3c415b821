package org.suyuan.benchmark;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trivial endpoint a benchmark compares the application's pages with: {@code GET /benchmark/ping}, served by
 * the same Tomcat, MVC and Spring Security as everything else. Benchmarks add it as a source of the application;
 * as a {@link TestComponent}, Spring Boot's tests never scan it in.
 */
@RestController
@TestComponent
class BenchmarkEndpoints {

    @GetMapping(path = "/benchmark/ping", produces = MediaType.TEXT_PLAIN_VALUE)
    String ping() {
        return "pong";
    }

    /**
     * Public, as the consumer pages are. Built from the same {@link HttpSecurity} defaults as the pages' chain
     * (security context, headers, CSRF, request cache, anonymous user), so the comparison is not flattered by a
     * request that skips the filters.
     */
    @Bean
    @Order(0)
    SecurityFilterChain benchmarkEndpointsSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/benchmark/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
