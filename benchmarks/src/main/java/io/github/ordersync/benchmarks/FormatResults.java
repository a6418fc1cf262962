package io.github.ordersync.benchmarks;

/**
 * {@code --formats}: the record formats side by side in one run.
 *
 * @param envelopeBytes one placed order as the {@code {"schema":...,"payload":...}} envelope
 * @param avroBytes the same order as Avro with the registry: magic byte, 8-byte schema id, Avro binary
 * @param envelope backlogs in the envelope, drained by each stage alone
 * @param avro the same backlogs in Avro, drained in turn with those in the envelope
 */
record FormatResults(Options options, int envelopeBytes, int avroBytes, Results.Drains envelope, Results.Drains avro) {}
