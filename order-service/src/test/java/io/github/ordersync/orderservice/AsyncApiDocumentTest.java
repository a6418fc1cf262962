package io.github.ordersync.orderservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The topics' AsyncAPI document ({@code contracts/asyncapi.yaml}, served at {@code /asyncapi.yaml}) is valid AsyncAPI
 * 3.0, names the topics every launcher creates with their partitions, and its payload schemas accept the golden
 * records and refuse what both consumers refuse.
 */
class AsyncApiDocumentTest {

    private static final Path CONTRACTS = Path.of("../contracts");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode DOCUMENT = read();
    private static final SchemaRegistry DRAFT_7 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    @Test
    void isValidAsyncApi3() throws IOException {
        Schema asyncApi;
        try (InputStream schema = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            asyncApi = DRAFT_7.getSchema(schema);
        }

        assertThat(asyncApi.validate(DOCUMENT)).extracting(Error::toString).isEmpty();
        assertThat(DOCUMENT.path("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(DOCUMENT, references);

        assertThat(references).hasSizeGreaterThan(30);
        assertThat(references)
                .allSatisfy(reference -> assertThat(
                                DOCUMENT.at(reference.substring(1)).isMissingNode())
                        .as("%s resolves", reference)
                        .isFalse());
    }

    @Test
    void namesEveryTopicTheLaunchersCreateWithItsPartitions() throws IOException {
        Properties topics = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("../stack/topics.properties"))) {
            topics.load(reader);
        }
        Map<String, Integer> created = new TreeMap<>();
        topics.stringPropertyNames().stream()
                .filter(key -> key.endsWith(".name"))
                .map(key -> key.substring(0, key.length() - ".name".length()))
                // the source connector's own record of the table's DDL, not a topic of the pipeline
                .filter(role -> !role.equals("catalog-source-schema-history"))
                .forEach(role -> created.put(
                        topics.getProperty(role + ".name"), Integer.valueOf(topics.getProperty(role + ".partitions"))));
        Map<String, Integer> documented = new TreeMap<>();
        DOCUMENT.path("channels")
                .forEach(channel -> documented.put(
                        channel.path("address").asString(),
                        channel.path("bindings")
                                .path("kafka")
                                .path("partitions")
                                .asInt()));

        assertThat(documented).isEqualTo(created);
    }

    @Test
    void payloadSchemasAcceptTheGoldenRecords() throws IOException {
        assertThat(errors("OrderPlacedEnvelope", golden("order-placed.json"))).isEmpty();
        assertThat(errors("OrderDecidedEnvelope", golden("order-decided.json"))).isEmpty();
        assertThat(errors("ProductEnvelope", golden("catalog-product.json"))).isEmpty();
    }

    @Test
    void anOrderWithAnAddedOptionalFieldIsAValidOrderAndOneWithoutARequiredFieldIsNot() throws IOException {
        ObjectNode withoutQty = (ObjectNode) golden("order-placed.json");
        ((ObjectNode) withoutQty.path("payload")).remove("qty");

        assertThat(errors("OrderPlacedEnvelope", golden("order-placed-v2.json")))
                .isEmpty();
        assertThat(errors("OrderPlacedEnvelope", withoutQty))
                .anySatisfy(error -> assertThat(error).contains("qty"));
    }

    @Test
    void aDecisionIsNotAPlacedOrder() throws IOException {
        assertThat(errors("OrderPlacedEnvelope", golden("order-decided.json"))).isNotEmpty();
        assertThat(errors("OrderDecidedEnvelope", golden("order-placed.json"))).isNotEmpty();
    }

    /** The document's schema {@code name} applied to {@code record}, references resolved within the document. */
    private static List<String> errors(String name, JsonNode record) {
        ObjectNode root = (ObjectNode) DOCUMENT.deepCopy();
        root.put("$ref", "#/components/schemas/" + name);
        Schema schema = DRAFT_7.getSchema(SchemaLocation.of("https://order-stock-sync.example/asyncapi.yaml"), root);
        return schema.validate(record).stream().map(Error::toString).toList();
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            JsonNode reference = node.get("$ref");
            if (reference != null) {
                assertThat(reference.asString())
                        .as("a reference within the document")
                        .startsWith("#/");
                references.add(reference.asString());
            }
        }
        node.forEach(child -> collectReferences(child, references));
    }

    private static JsonNode golden(String file) throws IOException {
        return JSON.readTree(Files.readAllBytes(CONTRACTS.resolve(file)));
    }

    private static JsonNode read() {
        try {
            return YAMLMapper.builder().build().readTree(Files.readAllBytes(CONTRACTS.resolve("asyncapi.yaml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
