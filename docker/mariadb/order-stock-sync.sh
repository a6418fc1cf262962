# Sourced by the image's entrypoint on the first start (it provides docker_process_sql). Creates what the local
# stack creates (local-stack MariaDb.java): databases mydb and catalog, the shared orders table, and the users
# orders_sink (writes mydb.orders), order_service (reads mydb), catalog_service (owns catalog).

quoted() {
  printf "'%s'" "${1//\'/\'\'}"
}

docker_process_sql <<SQL
CREATE DATABASE IF NOT EXISTS mydb CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS catalog CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SQL
docker_process_sql --database=mydb < /opt/order-stock-sync/mydb-schema.sql
docker_process_sql <<SQL
CREATE USER 'orders_sink'@'%' IDENTIFIED BY $(quoted "${ORDERS_SINK_DB_PASSWORD:?}");
GRANT SELECT, INSERT, UPDATE ON mydb.orders TO 'orders_sink'@'%';
CREATE USER 'order_service'@'%' IDENTIFIED BY $(quoted "${ORDER_SERVICE_DB_PASSWORD:?}");
GRANT SELECT ON mydb.* TO 'order_service'@'%';
CREATE USER 'catalog_service'@'%' IDENTIFIED BY $(quoted "${CATALOG_SERVICE_DB_PASSWORD:?}");
GRANT ALL PRIVILEGES ON catalog.* TO 'catalog_service'@'%';
SQL
