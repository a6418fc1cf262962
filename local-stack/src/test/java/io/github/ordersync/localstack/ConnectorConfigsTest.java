package io.github.ordersync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** connect-config/ as ConnectorRegistrar registers it, in either record format. */
class ConnectorConfigsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CONFIG = ProjectLayout.root().resolve("connect-config");

    @Test
    void envelopeFormatRegistersTheFilesAsWritten() throws Exception {
        JsonNode sink = JSON.readTree(ConnectorRegistrar.config(CONFIG, "orders-sink", StackSettings.ENVELOPE));

        assertThat(sink.path("value.converter").asText())
                .isEqualTo("io.github.ordersync.orderrules.StrictJsonConverter");
    }

    @Test
    void avroFormatSwitchesBothConnectorsToTheRegistrysConverterAndKeepsTheRest() throws Exception {
        for (String connector : new String[] {"orders-sink", "catalog-source"}) {
            JsonNode envelope = JSON.readTree(ConnectorRegistrar.config(CONFIG, connector, StackSettings.ENVELOPE));
            JsonNode avro = JSON.readTree(ConnectorRegistrar.config(CONFIG, connector, StackSettings.AVRO));

            assertThat(avro.path("value.converter").asText())
                    .as(connector)
                    .isEqualTo("io.apicurio.registry.utils.converter.AvroConverter");
            assertThat(avro.path("value.converter.apicurio.registry.url").asText())
                    .isEqualTo("${env:SCHEMA_REGISTRY_URL}");
            assertThat(avro.path("value.converter.apicurio.registry.headers.enabled")
                            .asText())
                    .isEqualTo("false");
            assertThat(avro.path("connector.class")).isEqualTo(envelope.path("connector.class"));
            assertThat(avro.path("transforms")).isEqualTo(envelope.path("transforms"));
        }
    }

    @Test
    void theRecordFormatIsEnvelopeByDefaultAndOnlyEnvelopeOrAvro() {
        assertThat(StackSettings.recordFormat(Map.of())).isEqualTo("envelope");
        assertThat(StackSettings.recordFormat(Map.of("RECORD_FORMAT", "AVRO"))).isEqualTo("avro");
        assertThatThrownBy(() -> StackSettings.recordFormat(Map.of("RECORD_FORMAT", "xml")))
                .hasMessage("RECORD_FORMAT must be envelope or avro, was 'xml'");
    }
}
