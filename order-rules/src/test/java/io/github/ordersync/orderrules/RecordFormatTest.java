package io.github.ordersync.orderrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.utils.converter.AvroConverter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordFormatTest {

    @Test
    void envelopeIsTheDefaultAndNamesAreReadInAnyCase() {
        assertThat(RecordFormat.of(null)).isEqualTo(RecordFormat.ENVELOPE);
        assertThat(RecordFormat.of(" ")).isEqualTo(RecordFormat.ENVELOPE);
        assertThat(RecordFormat.of("Avro")).isEqualTo(RecordFormat.AVRO);
        assertThat(RecordFormat.of("envelope")).isEqualTo(RecordFormat.ENVELOPE);
    }

    @Test
    void eachFormatIsConfiguredByItsLowerCaseName() {
        assertThat(RecordFormat.AVRO.setting()).isEqualTo("avro");
        for (RecordFormat format : RecordFormat.values()) {
            assertThat(RecordFormat.of(format.setting())).isEqualTo(format);
        }
    }

    @Test
    void anUnknownFormatIsAnErrorNamingTheChoices() {
        assertThatThrownBy(() -> RecordFormat.of("protobuf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown record format 'protobuf': envelope or avro");
    }

    @Test
    void envelopeIsWrittenAndReadByTheStrictConverterTheSinkUses() {
        assertThat(RecordFormat.ENVELOPE.valueConverter(null)).isInstanceOf(StrictJsonConverter.class);
    }

    @Test
    void avroIsApicuriosConverterAndNeedsTheRegistry() {
        assertThat(RecordFormat.AVRO.valueConverter("http://127.0.0.1:8085/apis/registry/v2"))
                .isInstanceOf(AvroConverter.class);
        assertThatThrownBy(() -> RecordFormat.AVRO.valueConverter(""))
                .hasMessage("The avro record format needs the schema registry's URL");
    }

    @Test
    void theSchemaIdTravelsInTheValueNeverInAHeader() {
        assertThat(RecordFormat.registryConfig("http://registry"))
                .containsEntry("apicurio.registry.url", "http://registry")
                .containsEntry("apicurio.registry.auto-register", true)
                .containsEntry("apicurio.registry.headers.enabled", false);
    }

    @Test
    void connectFindsBothConvertersThroughItsServiceLoaderManifest() throws IOException {
        try (InputStream manifest =
                getClass().getResourceAsStream("/META-INF/services/org.apache.kafka.connect.storage.Converter")) {
            assertThat(new String(manifest.readAllBytes(), StandardCharsets.UTF_8).lines())
                    .containsExactly(StrictJsonConverter.class.getName(), AvroConverter.class.getName());
        }
    }
}
