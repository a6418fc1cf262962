# Sourced by the image's entrypoint on the first start (it provides docker_process_sql). Creates what the local
# stack creates (local-stack MariaDb.java): databases mydb, catalog and course, the shared orders table
# (connect-config/mydb-schema.sql) and the users of stack/users.sql, the same files the local stack applies.

# As the local stack quotes a password (StackDefinition): backslash and quote escaped with a backslash.
quoted() {
  local backslash='\' escaped_backslash='\\' quote="'" escaped_quote="\\'"
  local value=${1//"$backslash"/"$escaped_backslash"}
  value=${value//"$quote"/"$escaped_quote"}
  printf "'%s'" "$value"
}

# stack/users.sql with each ${NAME} replaced by the quoted value of the environment variable NAME.
users_sql() {
  local sql name placeholder value
  sql=$(< /opt/order-stock-sync/stack/users.sql)
  for name in $(grep -v '^--' /opt/order-stock-sync/stack/users.sql | grep -o '\${[A-Z_]*}' | tr -d '${}' | sort -u); do
    placeholder="\${$name}"
    value=$(quoted "${!name:?$name is not set}")
    sql=${sql//"$placeholder"/"$value"}
  done
  printf '%s\n' "$sql"
}

docker_process_sql <<SQL
CREATE DATABASE IF NOT EXISTS mydb CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS catalog CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS course CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SQL
docker_process_sql --database=mydb < /opt/order-stock-sync/mydb-schema.sql
users_sql | docker_process_sql
