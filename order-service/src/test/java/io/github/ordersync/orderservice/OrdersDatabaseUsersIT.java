package io.github.ordersync.orderservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ordersync.localstack.DatabaseAccount;
import io.github.ordersync.localstack.StackDefinition;
import io.github.ordersync.testinfra.Containers;
import io.github.ordersync.testinfra.TestInfra;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * The Testcontainers orders database has the users and grants of stack/users.sql, as the local stack has them
 * (local-stack StackDefinitionIT). Only where the tests run on containers: no Docker engine is waited for.
 */
class OrdersDatabaseUsersIT {

    @Test
    void eachUserHasExactlyTheDefinitionsGrants() throws SQLException {
        assumeTrue(TestInfra.chosen() == TestInfra.CONTAINERS, "the integration tests run on the local stack here");
        Map<String, String> environment = System.getenv();
        Map<String, DatabaseAccount> accounts = DatabaseAccount.all(environment).stream()
                .collect(Collectors.toMap(account -> account.user() + "@%", Function.identity()));
        Map<String, Set<String>> defined = StackDefinition.grants();
        assertThat(accounts.keySet()).as("users of stack/users.sql").isEqualTo(defined.keySet());

        try (MariaDBContainer database = Containers.ordersDatabase(DatabaseAccount.orderService(environment))) {
            database.start();
            // The server, not mydb: catalog_service may not use mydb.
            String server = "jdbc:mariadb://" + database.getHost() + ":" + database.getMappedPort(3306) + "/";
            for (Map.Entry<String, Set<String>> user : defined.entrySet()) {
                assertThat(StackDefinition.shownGrants(server, accounts.get(user.getKey())))
                        .as("SHOW GRANTS of %s", user.getKey())
                        .isEqualTo(user.getValue());
            }
        }
    }
}
