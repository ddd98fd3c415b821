package org.suyuan.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.suyuan.problem.ProblemResponseWriter;

/**
 * The door of {@code /actuator/prometheus}: a Prometheus server with the scrape token ({@link
 * MonitoringProperties}), or an administrator with HTTP Basic. Stateless, and apart from the pages' chain so that a
 * scraper never gets a session or a login page.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfiguration {

    private static final String SCRAPER = "ROLE_METRICS_SCRAPER";

    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, MonitoringProperties monitoring, ProblemResponseWriter problems)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer, Basic realm=\"suyuan\"");
            problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "需要登录",
                    "指标接口需要抓取令牌（Authorization: Bearer）或管理员账号（HTTP Basic）。");
        };
        return http.securityMatcher("/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new ScrapeTokenFilter(monitoring), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority("ROLE_ADMIN", SCRAPER))
                .build();
    }

    /** Authenticates a request that carries the configured scrape token; leaves every other request alone. */
    private static final class ScrapeTokenFilter extends OncePerRequestFilter {

        private static final String BEARER = "Bearer ";

        private final MonitoringProperties monitoring;

        ScrapeTokenFilter(MonitoringProperties monitoring) {
            this.monitoring = monitoring;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null
                    && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    && monitoring.accepts(header.substring(BEARER.length()).strip())) {
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                "prometheus", null, List.of(new SimpleGrantedAuthority(SCRAPER))));
            }
            chain.doFilter(request, response);
        }
    }
}
