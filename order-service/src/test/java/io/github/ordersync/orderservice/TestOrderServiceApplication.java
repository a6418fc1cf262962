package io.github.ordersync.orderservice;

import org.springframework.boot.SpringApplication;

/** order-service on the test infrastructure (containers or the local stack), for running it from the IDE. */
public class TestOrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.from(OrderServiceApplication::main)
                .with(TestInfrastructure.class)
                .run(args);
    }
}
