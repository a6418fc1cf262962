package io.github.ordersync.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The environment written once, in the checkout's {@code stack/} folder: the database users with their grants
 * ({@code users.sql}) and the topics ({@code topics.properties}). Every launcher reads these files.
 */
public final class StackDefinition {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");
    private static final Pattern USER = Pattern.compile("'([^']+)'@'([^']+)'");

    private StackDefinition() {}

    /** The checkout's {@code stack/} folder. */
    public static Path dir() {
        return ProjectLayout.root().resolve("stack");
    }

    /** The name of the topic with this role in {@code topics.properties} (e.g. {@code orders}). */
    public static String topicName(String role) {
        return required(topicProperties(), role + ".name");
    }

    /** Every topic of {@code topics.properties}, by name, with its partitions and settings; one replica each. */
    public static List<NewTopic> topics() {
        Properties properties = topicProperties();
        return properties.stringPropertyNames().stream()
                .filter(key -> key.endsWith(".name"))
                .map(key -> key.substring(0, key.length() - ".name".length()))
                .map(role -> new NewTopic(
                                required(properties, role + ".name"),
                                Integer.parseInt(required(properties, role + ".partitions")),
                                (short) 1)
                        .configs(topicConfigs(properties, role + ".config.")))
                .sorted(Comparator.comparing(NewTopic::name))
                .toList();
    }

    private static Map<String, String> topicConfigs(Properties properties, String prefix) {
        Map<String, String> configs = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                configs.put(key.substring(prefix.length()), properties.getProperty(key));
            }
        }
        return configs;
    }

    /**
     * The statements of {@code users.sql}, one per line, with each {@code ${NAME}} replaced by {@code passwords}'
     * value for NAME as a quoted SQL string.
     */
    public static List<String> userStatements(Map<String, String> passwords) {
        List<String> statements = new ArrayList<>();
        for (String line : readLines("users.sql")) {
            if (line.isBlank() || line.startsWith("--")) {
                continue;
            }
            Matcher placeholder = PLACEHOLDER.matcher(line.strip().replaceFirst(";$", ""));
            statements.add(placeholder.replaceAll(
                    found -> Matcher.quoteReplacement(quoted(password(passwords, found.group(1))))));
        }
        return statements;
    }

    /**
     * The grants of {@code users.sql} by user ({@code name@host}), in the form {@link #normalizedGrant} gives them,
     * to compare with what {@code SHOW GRANTS} reports.
     */
    public static Map<String, Set<String>> grants() {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (String line : readLines("users.sql")) {
            Matcher user = USER.matcher(line);
            if (line.startsWith("CREATE USER") && user.find()) {
                grants.putIfAbsent(user.group(1) + "@" + user.group(2), new TreeSet<>());
            } else if (line.startsWith("GRANT") && user.find()) {
                grants.computeIfAbsent(user.group(1) + "@" + user.group(2), ignored -> new TreeSet<>())
                        .add(normalizedGrant(line));
            }
        }
        return grants;
    }

    /**
     * What {@code SHOW GRANTS} reports for the account, as the account sees it on the server at {@code jdbcUrl}, in
     * the form of {@link #grants()}, without the USAGE every user has: what a launcher really made of users.sql.
     */
    public static Set<String> shownGrants(String jdbcUrl, DatabaseAccount account) throws SQLException {
        Set<String> grants = new TreeSet<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, account.user(), account.password());
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SHOW GRANTS")) {
            while (rows.next()) {
                String grant = normalizedGrant(rows.getString(1));
                if (!grant.startsWith("GRANT USAGE ON *.* ")) {
                    grants.add(grant);
                }
            }
        }
        return grants;
    }

    /**
     * A GRANT statement as written in users.sql or reported by SHOW GRANTS, without quotes, backticks, password and
     * final semicolon: {@code GRANT SELECT ON mydb.* TO order_service@%}.
     */
    static String normalizedGrant(String grant) {
        String plain = grant.replaceAll("[`']", "").replaceAll("\\s+", " ").strip();
        int identified = plain.indexOf(" IDENTIFIED BY");
        plain = identified < 0 ? plain : plain.substring(0, identified);
        return plain.endsWith(";") ? plain.substring(0, plain.length() - 1) : plain;
    }

    /** The server settings of {@code mariadb.cnf}'s {@code [mysqld]} section, as command-line options. */
    public static List<String> mariaDbServerOptions() {
        List<String> options = new ArrayList<>();
        boolean server = false;
        for (String line : readLines("mariadb.cnf")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                server = line.equals("[mysqld]");
            } else if (server) {
                int equals = line.indexOf('=');
                options.add(
                        equals < 0
                                ? "--" + line
                                : "--" + line.substring(0, equals).strip() + "="
                                        + line.substring(equals + 1).strip());
            }
        }
        return options;
    }

    /** The passwords users.sql names, from the accounts the stack gives its components (DatabaseAccount.all). */
    public static Map<String, String> passwords(Map<String, String> environment) {
        return DatabaseAccount.all(environment).stream()
                .collect(Collectors.toMap(DatabaseAccount::passwordVariable, DatabaseAccount::password));
    }

    private static String password(Map<String, String> passwords, String name) {
        String value = passwords.get(name);
        if (value == null) {
            throw new IllegalArgumentException("stack/users.sql names " + name + ", which has no password here");
        }
        return value;
    }

    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static Properties topicProperties() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dir().resolve("topics.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("stack/topics.properties has no " + key);
        }
        return value.strip();
    }

    private static List<String> readLines(String file) {
        try {
            return Files.readAllLines(dir().resolve(file)).stream()
                    .map(String::strip)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
