#!/usr/bin/env bash
# Registers every connector of connect-config/ with PUT /connectors/<name>/config (create or update, so running it
# again is harmless), waits until each runs, then restarts FAILED tasks with back-off until stopped: the local stack's
# own ConnectorRegistrar and FailedTaskRestarter, on Kafka's classpath.
set -euo pipefail
exec java -Xms16m -Xmx64m -cp "/opt/kafka/libs/*:/opt/order-stock-sync/lib/*" \
    io.github.ordersync.launchers.SuperviseConnectors "${CONNECT_URL:?}" /opt/order-stock-sync/connect-config
