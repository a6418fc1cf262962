#!/usr/bin/env bash
# Registers every connector of connect-config/ with PUT /connectors/<name>/config (create or update, so running it
# again is harmless) and waits until each runs: the local stack's own ConnectorRegistrar, on Kafka's classpath.
set -euo pipefail
exec java -cp "/opt/kafka/libs/*:/opt/order-stock-sync/local-stack.jar" \
    io.github.ordersync.localstack.RegisterConnectors "${CONNECT_URL:?}" /opt/order-stock-sync/connect-config
