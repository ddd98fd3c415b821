package org.suyuan.ledger.embedded;

import static org.junit.jupiter.api.Assertions.fail;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the embedded ledger must work on, each migrated with the db module's real Flyway scripts.
 *
 * <p>MySQL (or MariaDB) is used when {@code SUYUAN_TEST_MYSQL_URL} names it, e.g. {@code
 * jdbc:mysql://127.0.0.1:3306/test?user=root&password=}; the tests then run in a database {@value
 * #MYSQL_DATABASE} that is cleaned before every test. Without the variable those tests are skipped, unless
 * {@code SUYUAN_REQUIRE_EXTERNAL=true} (as in CI), which makes them fail instead.
 */
enum TestDatabase {
    H2 {
        @Override
        DataSource migratedDataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(
                    "jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .load()
                    .migrate();
            return dataSource;
        }

        @Override
        void release(DataSource dataSource) throws SQLException {
            execute(dataSource, "SHUTDOWN");
        }
    },

    MYSQL {
        @Override
        DataSource migratedDataSource() throws SQLException {
            String url = System.getenv("SUYUAN_TEST_MYSQL_URL");
            if (url == null || url.isBlank()) {
                String reason = "MySQL run of the embedded ledger tests skipped: SUYUAN_TEST_MYSQL_URL is not set"
                        + " (e.g. jdbc:mysql://127.0.0.1:3306/test?user=root&password=)";
                if ("true".equalsIgnoreCase(System.getenv("SUYUAN_REQUIRE_EXTERNAL"))) {
                    fail("SUYUAN_REQUIRE_EXTERNAL=true, but " + reason);
                }
                if (!skipReported) {
                    skipReported = true;
                    System.err.println(reason);
                }
                Assumptions.abort(reason);
            }
            MysqlDataSource server = new MysqlDataSource();
            server.setURL(url);
            // The same suffix as org.suyuan.db.TestDatabases, so that parallel checkouts keep apart.
            String database = MYSQL_DATABASE + System.getenv().getOrDefault("SUYUAN_TEST_DATABASE_SUFFIX", "");
            if (!database.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("SUYUAN_TEST_DATABASE_SUFFIX may hold letters, digits and '_' only");
            }
            execute(server, "CREATE DATABASE IF NOT EXISTS " + database);

            MysqlDataSource dataSource = new MysqlDataSource();
            dataSource.setURL(withDatabase(url, database));
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .cleanDisabled(false)
                    .load();
            flyway.clean();
            flyway.migrate();
            return dataSource;
        }

        @Override
        void release(DataSource dataSource) {}
    };

    /** Surefire runs in the module directory; the migrations belong to the db module next to it. */
    private static final String MIGRATIONS = "filesystem:../db/src/main/resources/db/migration";

    private static volatile boolean skipReported;

    private static final String MYSQL_DATABASE = "suyuan_ledger_test";
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:[a-z]+://[^/?]+)(/[^?]*)?(\\?.*)?$");

    abstract DataSource migratedDataSource() throws SQLException;

    abstract void release(DataSource dataSource) throws SQLException;

    static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String withDatabase(String url, String database) {
        Matcher parts = JDBC_URL.matcher(url);
        if (!parts.matches()) {
            throw new IllegalArgumentException("Not a jdbc:mysql://host[:port][/database][?parameters] URL: " + url);
        }
        return parts.group(1) + "/" + database + (parts.group(3) == null ? "" : parts.group(3));
    }
}
