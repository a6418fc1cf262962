-- The stack's database users: one per component, with only the privileges it needs. The one definition, applied
-- as it is by the local stack (local-stack MariaDb.prepare) and by the compose MariaDB on its first start
-- (docker/mariadb/order-stock-sync.sh), after the databases and connect-config/mydb-schema.sql.
-- ${NAME} stands for the password in the environment variable NAME, written in as a quoted SQL string.
-- One statement per line; a statement ends with the line.

-- Writes the shared orders table: the JDBC sink connector.
CREATE USER IF NOT EXISTS 'orders_sink'@'%' IDENTIFIED BY ${ORDERS_SINK_DB_PASSWORD};
ALTER USER 'orders_sink'@'%' IDENTIFIED BY ${ORDERS_SINK_DB_PASSWORD};
GRANT SELECT, INSERT, UPDATE ON mydb.orders TO 'orders_sink'@'%';

-- Reads the shared orders table: every order-service instance.
CREATE USER IF NOT EXISTS 'order_service'@'%' IDENTIFIED BY ${ORDER_SERVICE_DB_PASSWORD};
ALTER USER 'order_service'@'%' IDENTIFIED BY ${ORDER_SERVICE_DB_PASSWORD};
GRANT SELECT ON mydb.* TO 'order_service'@'%';

-- Owns the catalog database: catalog-service, which migrates it with Flyway.
CREATE USER IF NOT EXISTS 'catalog_service'@'%' IDENTIFIED BY ${CATALOG_SERVICE_DB_PASSWORD};
ALTER USER 'catalog_service'@'%' IDENTIFIED BY ${CATALOG_SERVICE_DB_PASSWORD};
GRANT ALL PRIVILEGES ON catalog.* TO 'catalog_service'@'%';

-- Reads catalog.products' changes from the binlog: the catalog-source connector (Debezium). Replication and the
-- snapshot's consistent read need server-wide privileges (they cannot be granted per database); it may read
-- nothing but the catalog database, and write nothing.
CREATE USER IF NOT EXISTS 'catalog_source'@'%' IDENTIFIED BY ${CATALOG_SOURCE_DB_PASSWORD};
ALTER USER 'catalog_source'@'%' IDENTIFIED BY ${CATALOG_SOURCE_DB_PASSWORD};
GRANT RELOAD, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO 'catalog_source'@'%';
GRANT SELECT ON catalog.* TO 'catalog_source'@'%';

-- The course notes' Connect demo (connect-config/course/): my-source-connect reads course.users from the binlog,
-- my-sink-connect creates and writes course.my_topic_users. Nothing outside the course database.
CREATE USER IF NOT EXISTS 'course_demo'@'%' IDENTIFIED BY ${COURSE_DEMO_DB_PASSWORD};
ALTER USER 'course_demo'@'%' IDENTIFIED BY ${COURSE_DEMO_DB_PASSWORD};
GRANT RELOAD, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO 'course_demo'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, INDEX, ALTER ON course.* TO 'course_demo'@'%';
