#!/usr/bin/env bash
# Runs a class on Kafka's classpath with the KAFKA_* JVM options of the official scripts.
KAFKA_LOG4J_OPTS=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.yaml}
# shellcheck disable=SC2086 # the options are word lists, as in Kafka's own script
exec java ${KAFKA_HEAP_OPTS:--Xmx256M} ${KAFKA_JVM_PERFORMANCE_OPTS:-} $KAFKA_LOG4J_OPTS ${KAFKA_OPTS:-} \
    -cp "/opt/kafka/libs/*" "$@"
