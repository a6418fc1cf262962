package io.github.ordersync.orderservice.product;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The one error handler of this service's listener, {@link CatalogChanges}. */
@Configuration(proxyBeanMethods = false)
class CatalogChangesConfiguration {

    /**
     * A change that could not be applied for a reason that passes (in the Avro format: the schema registry not
     * reachable to look up a schema) is retried with back-off, 0.5 s doubling to 10 s, until it is applied: skipping it
     * would drop the product from the read model until its next change. A record that can never be read does not get
     * here; {@link CatalogChanges} skips it itself and health shows it.
     */
    @Bean
    DefaultErrorHandler catalogChangesErrorHandler() {
        ExponentialBackOff untilApplied = new ExponentialBackOff(500, 2.0);
        untilApplied.setMaxInterval(10_000);
        return new DefaultErrorHandler(untilApplied);
    }
}
