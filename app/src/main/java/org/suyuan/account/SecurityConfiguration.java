package org.suyuan.account;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.suyuan.problem.ProblemResponseWriter;

/**
 * Two doors: the API ({@code /api/**}) is stateless, with HTTP Basic or bearer tokens and problem+json errors;
 * the pages use form login with a session and CSRF tokens. Consumer pages and trace lookups need no login. Failed
 * sign-ins are throttled per account and network at both doors ({@link LoginThrottle}).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] PUBLIC_PAGES = {
        "/",
        "/login",
        "/error",
        "/problems/**",
        "/t/**",
        "/01/**",
        "/demo/**",
        "/css/**",
        "/js/**",
        "/images/**",
        "/favicon.ico",
        "/actuator/health/**",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html"
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id for new hashes; the delegating encoder keeps old hashes readable if parameters change.
        return new DelegatingPasswordEncoder(
                "argon2@SpringSecurity_v5_8",
                Map.of("argon2@SpringSecurity_v5_8", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            ApiTokenAuthenticator tokens,
            LoginThrottle throttle,
            TooManySignIns tooMany,
            ApplicationEventPublisher events,
            ProblemResponseWriter problems)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                tooMany.answer(request, response, throttled.retryAfter());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"suyuan\", Bearer");
            problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "需要登录",
                    "请用用户名和密码（HTTP Basic）或访问令牌（Authorization: Bearer）调用此接口。");
        };
        AccessDeniedHandler forbidden = (request, response, exception) ->
                problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "没有权限", "当前用户没有权限执行此操作。");
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(new LoginThrottleFilter(throttle, tooMany), BasicAuthenticationFilter.class)
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(tokens, throttle, tooMany, unauthorized, events),
                        BasicAuthenticationFilter.class)
                // A streamed export finishes in an ASYNC dispatch, which a bearer token does not authenticate
                // again: the request was authorized when it started.
                .authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                                .permitAll()
                                .requestMatchers(
                                        org.springframework.http.HttpMethod.GET, "/api/v1/codes/**", "/api/v1/trace/**")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, TooManySignIns tooMany) throws Exception {
        AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        AuthenticationFailureHandler loginFailed = (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                tooMany.answer(request, response, throttled.retryAfter());
            } else {
                wrongPassword.onAuthenticationFailure(request, response, exception);
            }
        };
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("suyuan");
        AuthenticationEntryPoint basicRefused = (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                tooMany.answer(request, response, throttled.retryAfter());
            } else {
                basic.commence(request, response, exception);
            }
        };
        return http.addFilterBefore(
                        new LoginThrottleFilter(throttle, tooMany), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                                .permitAll()
                                .requestMatchers(PUBLIC_PAGES)
                                .permitAll()
                                .requestMatchers("/actuator/**")
                                .hasRole("ADMIN")
                                .requestMatchers("/console/**")
                                .hasAnyRole("REGULATOR", "ADMIN")
                                .requestMatchers("/admin/**")
                                .hasRole("ADMIN")
                                .requestMatchers("/station/**", "/station")
                                .hasRole("STATION")
                                .anyRequest()
                                .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(loginFailed)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basicRefused))
                .build();
    }
}
