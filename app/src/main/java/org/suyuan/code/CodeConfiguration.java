package org.suyuan.code;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suyuan.qr.QrDecoder;
import org.suyuan.qr.TraceCodeGenerator;

@Configuration
class CodeConfiguration {

    /** One generator over the platform's SecureRandom, shared: it is thread-safe. */
    @Bean
    TraceCodeGenerator traceCodeGenerator() {
        return new TraceCodeGenerator();
    }

    @Bean
    QrDecoder qrDecoder() {
        return new QrDecoder();
    }
}
