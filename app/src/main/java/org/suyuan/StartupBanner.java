package org.suyuan;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the operator at start where this instance listens (the port it really got, not a default) and what printed
 * labels will point to, and warns when those disagree on a trial machine: labels encode
 * {@code suyuan.public-base-url}, so a QR code printed while it still says {@code http://localhost:8080} leads
 * nowhere once the service runs on another port or host.
 */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final SuyuanProperties properties;

    StartupBanner(SuyuanProperties properties) {
        this.properties = properties;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            List<String> lines = lines(web.getWebServer().getPort(), properties.publicBaseUrl());
            log.info(lines.get(0));
            lines.stream().skip(1).forEach(log::warn);
        }
    }

    /**
     * What the log says: where to open the service, then a warning for each way printed labels would miss it.
     *
     * @param port the port this instance listens on
     * @param publicBaseUrl what labels and QR codes carry
     */
    static List<String> lines(int port, URI publicBaseUrl) {
        List<String> lines = new ArrayList<>();
        lines.add("Suyuan is running: open http://localhost:" + port + " (server.port); labels and QR codes point to "
                + publicBaseUrl + "/t/{code} (suyuan.public-base-url)");
        boolean local = "localhost".equals(publicBaseUrl.getHost()) || "127.0.0.1".equals(publicBaseUrl.getHost());
        int publicPort = publicBaseUrl.getPort() != -1
                ? publicBaseUrl.getPort()
                : "https".equals(publicBaseUrl.getScheme()) ? 443 : 80;
        if (local && publicPort != port) {
            lines.add("suyuan.public-base-url names port " + publicPort + " but this instance listens on " + port
                    + ": labels printed now would not reach it. Set suyuan.public-base-url (SUYUAN_PUBLIC_BASE_URL) to"
                    + " the address phones use, e.g. http://localhost:" + port + " on this machine or"
                    + " https://trace.example.cn in production.");
        } else if (local) {
            lines.add("suyuan.public-base-url is " + publicBaseUrl + ": fine on this machine, but a phone cannot open"
                    + " it. Set suyuan.public-base-url (SUYUAN_PUBLIC_BASE_URL) to the public address before printing"
                    + " labels.");
        }
        return lines;
    }
}
