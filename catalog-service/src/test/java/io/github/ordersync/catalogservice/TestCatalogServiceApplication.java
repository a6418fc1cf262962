package io.github.ordersync.catalogservice;

import org.springframework.boot.SpringApplication;

/** catalog-service on the test infrastructure (containers or the local stack), for running it from the IDE. */
public class TestCatalogServiceApplication {

    public static void main(String[] args) {
        SpringApplication.from(CatalogServiceApplication::main)
                .with(TestInfrastructure.class)
                .run(args);
    }
}
