#!/usr/bin/env bash
# connect-config/worker.properties plus what differs in this deployment: Kafka's address, the REST listener and
# the plugin folder. Connector credentials stay in the environment (${env:...} in the connector JSON).
set -euo pipefail
properties=/tmp/connect-worker.properties
cp /opt/order-stock-sync/connect-config/worker.properties "$properties"
cat >> "$properties" <<PROPERTIES

bootstrap.servers=${CONNECT_BOOTSTRAP_SERVERS:?}
listeners=http://0.0.0.0:8083
rest.advertised.host.name=${CONNECT_ADVERTISED_HOST_NAME:-$(hostname)}
plugin.path=/opt/connect-plugins
PROPERTIES
exec /opt/kafka/bin/connect-distributed.sh "$properties"
