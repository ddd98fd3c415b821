package org.suyuan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The log at start names the port the service really listens on, and warns when printed labels would point
 * elsewhere: it used to say "open http://localhost:8080" whatever the port.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.anchoring.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:startup-banner;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class StartupBannerTests {

    @LocalServerPort
    int port;

    @Test
    void theLogNamesThePortTheServiceListensOnAndWarnsThatLabelsPointElsewhere(CapturedOutput output) {
        assertThat(output.getOut())
                .contains("Suyuan is running: open http://localhost:" + port + " ")
                .contains("suyuan.public-base-url names port 8080 but this instance listens on " + port);
    }

    @Test
    void aPublicAddressRaisesNoWarning() {
        assertThat(StartupBanner.lines(8080, URI.create("https://trace.example.cn")))
                .containsExactly("Suyuan is running: open http://localhost:8080 (server.port); labels and QR codes"
                        + " point to https://trace.example.cn/t/{code} (suyuan.public-base-url)");
        assertThat(StartupBanner.lines(9090, URI.create("http://localhost:9090")))
                .hasSize(2);
        assertThat(StartupBanner.lines(9090, URI.create("http://localhost:9090"))
                        .get(1))
                .contains("a phone cannot open it");
    }
}
