package org.suyuan.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases Suyuan's tests run on: embedded H2 in MySQL mode always, and a real MySQL-protocol server
 * (MySQL 8 or MariaDB) through MySQL Connector/J when {@value #MYSQL_URL_VARIABLE} names one.
 *
 * <p>Without the variable the MySQL tests are skipped with a message, unless {@value #REQUIRE_VARIABLE} is
 * {@code true} (CI sets it): then a missing or unreachable server fails the run instead of passing silently.
 */
public final class TestDatabases {

    public static final String MYSQL_URL_VARIABLE = "SUYUAN_TEST_MYSQL_URL";
    public static final String REQUIRE_VARIABLE = "SUYUAN_REQUIRE_EXTERNAL";

    /**
     * Appended to every database name a test creates, so that two checkouts can run their MySQL tests against one
     * server at the same time without dropping each other's databases.
     */
    public static final String SUFFIX_VARIABLE = "SUYUAN_TEST_DATABASE_SUFFIX";

    private static final Pattern JDBC_MYSQL = Pattern.compile("(jdbc:mysql://[^/?]+)(/[^?]*)?(\\?.*)?");

    private TestDatabases() {}

    /** A JDBC URL for a private, in-memory H2 database in MySQL mode. */
    public static String h2(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
    }

    /** The {@value #SUFFIX_VARIABLE} of this run: letters, digits and underscores, or nothing. */
    public static String databaseSuffix() {
        String suffix = System.getenv(SUFFIX_VARIABLE);
        if (suffix == null) {
            return "";
        }
        if (!suffix.matches("[A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(SUFFIX_VARIABLE + " may hold letters, digits and '_' only: " + suffix);
        }
        return suffix;
    }

    /** Whether tests that need external services (MySQL, zbarimg, Chromium) must run rather than skip. */
    public static boolean externalServicesRequired() {
        return Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE));
    }

    /**
     * Creates an empty database of the given name on the configured MySQL server (dropping any previous one) and
     * returns its JDBC URL; skips or fails the calling test when no server is configured or reachable.
     */
    public static String freshMySql(String name) {
        String databaseName = name + databaseSuffix();
        String configured = System.getenv(MYSQL_URL_VARIABLE);
        if (configured == null || configured.isBlank()) {
            String message = MYSQL_URL_VARIABLE + " is not set: MySQL tests skipped (set it, e.g. "
                    + "jdbc:mysql://127.0.0.1:3306/test?user=root&password=, to run them)";
            if (externalServicesRequired()) {
                Assertions.fail(message + " but " + REQUIRE_VARIABLE + "=true");
            }
            System.out.println("[SKIPPED] " + message);
            Assumptions.abort(message);
        }
        Matcher url = JDBC_MYSQL.matcher(configured);
        if (!url.matches()) {
            throw new IllegalArgumentException(MYSQL_URL_VARIABLE + " is not a jdbc:mysql:// URL: " + configured);
        }
        String parameters = url.group(3) == null ? "" : url.group(3);
        try (Connection connection = DriverManager.getConnection(configured);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + databaseName);
            statement.execute("CREATE DATABASE " + databaseName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            Assertions.fail("MySQL at " + configured + " is not reachable: " + e.getMessage(), e);
        }
        return url.group(1) + "/" + databaseName + parameters;
    }
}
