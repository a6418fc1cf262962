#!/usr/bin/env bash
# Runs the whole system on this machine, no Docker needed: Kafka (KRaft), MariaDB, Kafka Connect with the
# JDBC sink, catalog-service and order-service, all on 127.0.0.1. Ctrl-C stops everything.
#
#   ./run-local.sh               build what is missing, then start everything
#   ./run-local.sh --stack-only  only Kafka, MariaDB and Kafka Connect
#   ./run-local.sh --fresh       forget all orders, stock and topics first (deletes .local-stack/)
#   ./run-local.sh --rebuild     rebuild the jars first
#   ./run-local.sh --registry    Avro on the topics and a schema registry (Apicurio; it needs a Java 21+:
#                                REGISTRY_JAVA_HOME, else one is looked for); data in .local-stack-avro/
#
# Ports: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), MARIADB_PORT (3306), CONNECT_PORT (8083),
# ORDER_SERVICE_PORT (8081), CATALOG_SERVICE_PORT (8082), REGISTRY_PORT (8085). Data: LOCAL_STACK_DATA
# (.local-stack/).
set -euo pipefail
cd "$(dirname "$0")"

stack_only=false fresh=false rebuild=false
for option in "$@"; do
  case "$option" in
    --rebuild) rebuild=true ;;
    --stack-only) stack_only=true ;;
    --fresh) fresh=true ;;
    --registry) export RECORD_FORMAT=avro ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $option (see --help)" >&2; exit 2 ;;
  esac
done

source launchers/built.sh
built -- launchers/target/lib "launchers/target/launchers-$version.jar" connect-plugins/target/plugins \
  local-stack/target/apicurio-registry \
  "$order_jar" "$catalog_jar"

# --fresh is done by the launcher: it first stops what a killed run left running on the data directory.
fresh_arg=()
if $fresh; then
  fresh_arg=(--fresh)
fi

classpath="launchers/target/launchers-$version.jar:launchers/target/lib/*"
if $stack_only; then
  exec java -cp "$classpath" io.github.ordersync.localstack.LocalStackMain ${fresh_arg[@]+"${fresh_arg[@]}"}
fi
exec java -cp "$classpath" io.github.ordersync.launchers.RunDemo ${fresh_arg[@]+"${fresh_arg[@]}"} "$order_jar" "$catalog_jar"
