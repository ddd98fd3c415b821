package org.suyuan.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.suyuan.problem.ProblemResponseWriter;

/**
 * What the servlet container itself decides: whose forwarded headers are believed (only the configured proxies'),
 * how errors that never reach a controller are answered on the API (problem+json), and the security headers of
 * every answer.
 */
@Configuration
class ServerConfiguration {

    /**
     * X-Forwarded-For is believed only from {@code suyuan.security.trusted-proxies}, read right to left through
     * those proxies, so a client's own forged entries never count; without proxies the valve is not installed.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxies(TrustedProxyProperties properties) {
        return factory -> {
            if (properties.trustedProxies().isEmpty()) {
                return;
            }
            RemoteIpValve valve = new RemoteIpValve();
            valve.setInternalProxies(String.join(",", properties.trustedProxies()));
            valve.setTrustedProxies(null);
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            factory.addEngineValves(valve);
        };
    }

    /**
     * Tomcat answers what it refuses before Spring (an encoded {@code ..} or NUL in the path, a header over the
     * limit) with the host's error report valve. Boot adds one of its own to the host while the context is
     * prepared; once the host has started, every other error report valve gives way to ours.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.addLifecycleListener(event -> {
                    if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                        useOnlyProblemErrorReports(host);
                    }
                });
            }
        });
    }

    private static void useOnlyProblemErrorReports(StandardHost host) {
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemErrorReportValve) {
                present = true;
            } else if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (!present) {
            host.getPipeline().addValve(new ProblemErrorReportValve());
        }
    }

    /** API errors raised before a controller was chosen become problem+json (see {@link ApiErrorDispatchFilter}). */
    @Bean
    FilterRegistrationBean<ApiErrorDispatchFilter> apiErrorDispatchFilter(
            ProblemResponseWriter problems, ErrorAttributes errors) {
        FilterRegistrationBean<ApiErrorDispatchFilter> registration =
                new FilterRegistrationBean<>(new ApiErrorDispatchFilter(problems, errors));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** CSP, Referrer-Policy and Permissions-Policy on every answer (see {@link SecurityHeadersFilter}). */
    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> registration =
                new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        // First, so that every answer carries the headers, also a refusal by the filters after it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Unreadable media types and sort parameters on the API (see {@link ApiRequestFilter}). */
    @Bean
    FilterRegistrationBean<ApiRequestFilter> apiRequestFilter(ProblemResponseWriter problems) {
        FilterRegistrationBean<ApiRequestFilter> registration =
                new FilterRegistrationBean<>(new ApiRequestFilter(problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * A URL Spring Security's firewall refuses (an encoded {@code ..}, {@code //}, a {@code ;}): problem+json on
     * the API, the error page elsewhere.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponseWriter problems) {
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problems.write(
                        response,
                        HttpStatus.BAD_REQUEST,
                        "rejected-request",
                        "请求地址无效",
                        "请求地址中有不允许的内容（例如编码的“..”、“//”或“;”），服务器拒绝处理。请检查地址后重试。");
            } else {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        };
    }
}
