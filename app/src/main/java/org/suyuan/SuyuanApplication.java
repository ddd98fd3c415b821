package org.suyuan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Suyuan (溯源): production archives, QR codes and ledger-anchored integrity for agricultural products. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableJpaRepositories(basePackages = "org.suyuan.db")
public class SuyuanApplication {

    public static void main(String[] args) {
        SpringApplication.run(SuyuanApplication.class, args);
    }
}
