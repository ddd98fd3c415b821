package org.suyuan.db;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest Spring Boot configuration that lets the repository slices of this module start. */
@SpringBootApplication
class DbTestApplication {}
