package io.github.ordersync.orderservice.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Declares the topic this service writes, so that it exists (with its partitions) wherever the service runs. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicConfiguration {

    @Bean
    NewTopic ordersTopic(
            @Value("${orders.events.topic}") String topic, @Value("${orders.events.partitions}") int partitions) {
        return TopicBuilder.name(topic).partitions(partitions).build();
    }
}
