package org.suyuan.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database a benchmark fills and then runs the application on: emptied first, then migrated by Flyway from the
 * application's own scripts, so the application starts on a schema it validates.
 */
final class BenchmarkDatabase {

    private static final Pattern JDBC_MYSQL = Pattern.compile("(jdbc:mysql://[^/?]+)/([^?]+)(\\?.*)?");

    private BenchmarkDatabase() {}

    /**
     * Empties the database the URL names and returns the URL to use: a MySQL or MariaDB database is dropped and
     * recreated (the URL names a database the benchmark owns); a blank URL means a new H2 file database in MySQL
     * mode under {@code h2Directory}.
     */
    static String fresh(String url, Path h2Directory) throws Exception {
        if (url.isBlank()) {
            deleteRecursively(h2Directory);
            return "jdbc:h2:file:" + h2Directory.toAbsolutePath().resolve("db")
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE";
        }
        if (url.startsWith("jdbc:mysql:")) {
            recreateMySqlDatabase(url);
        }
        return url;
    }

    /**
     * The database at {@code url}, with every migration applied, through one connection that stays open: H2 (2.4)
     * evaluates a check constraint such as {@code status IN ('ACTIVE', 'DISABLED')} in the session that created it,
     * and fails every later insert once that session is closed. Not for concurrent use.
     */
    static DataSource migrated(String url) {
        DataSource database = new SingleConnectionDataSource(url, true);
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return database;
    }

    private static void recreateMySqlDatabase(String url) throws SQLException {
        Matcher parts = JDBC_MYSQL.matcher(url);
        if (!parts.matches()) {
            throw new IllegalArgumentException("Expected jdbc:mysql://host:port/database?parameters, got " + url);
        }
        String server = parts.group(1) + "/" + (parts.group(3) == null ? "" : parts.group(3));
        try (Connection connection = DriverManager.getConnection(server);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + parts.group(2));
            statement.execute("create database " + parts.group(2) + " character set utf8mb4 collate utf8mb4_bin");
        }
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
