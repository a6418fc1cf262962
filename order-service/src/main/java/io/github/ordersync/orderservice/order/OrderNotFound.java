package io.github.ordersync.orderservice.order;

import io.github.ordersync.servicesupport.NotFound;
import java.util.UUID;

/** No order with this id in the shared table (yet: it appears there shortly after its 201). */
class OrderNotFound extends NotFound {

    OrderNotFound(UUID orderId) {
        super("Order", orderId);
    }
}
