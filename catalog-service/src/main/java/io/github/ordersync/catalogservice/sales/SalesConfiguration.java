package io.github.ordersync.catalogservice.sales;

import io.github.ordersync.catalogservice.order.CatalogTopics;
import io.github.ordersync.catalogservice.order.RecordsProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Kafka Streams in catalog-service, through spring-kafka's {@code StreamsBuilderFactoryBean} (Spring Boot configures
 * it from {@code spring.kafka.streams.*}, exactly once, and binds its metrics to Micrometer): the sales topology, the
 * topics it writes, and its state in health.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class SalesConfiguration {

    @Bean
    NewTopic salesTotalsTopic(SalesTopics sales, CatalogTopics topics) {
        return compacted(sales.totals(), topics.partitions());
    }

    @Bean
    NewTopic salesPerMinuteTopic(SalesTopics sales, CatalogTopics topics) {
        return compacted(sales.perMinute(), topics.partitions());
    }

    private static NewTopic compacted(String name, int partitions) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }

    /** The topology, on the application's StreamsBuilder; the bean is its stream of counted outcomes by product. */
    @Bean
    KStream<String, Outcome> salesTopology(
            StreamsBuilder builder, CatalogTopics topics, RecordsProperties records, SalesTopics sales) {
        return SalesTopology.addTo(builder, topics.outcomes(), records.valueConverter(), sales);
    }

    /**
     * {@code salesStreams} in health: UP while the topology runs or rebalances (it answers from its global stores
     * meanwhile), DOWN once it has failed or stopped, UNKNOWN while it starts.
     */
    @Bean
    HealthIndicator salesStreams(StreamsBuilderFactoryBean streams) {
        return () -> {
            KafkaStreams kafkaStreams = streams.getKafkaStreams();
            if (kafkaStreams == null) {
                return Health.unknown().build();
            }
            KafkaStreams.State state = kafkaStreams.state();
            Health.Builder health = switch (state) {
                case RUNNING, REBALANCING -> Health.up();
                case CREATED -> Health.unknown();
                case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> Health.down();
            };
            return health.withDetail("state", state.name()).build();
        };
    }
}
