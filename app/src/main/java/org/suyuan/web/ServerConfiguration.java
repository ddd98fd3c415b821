package org.suyuan.web;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the servlet container itself decides: whose forwarded headers are believed (only the configured proxies'). */
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
}
