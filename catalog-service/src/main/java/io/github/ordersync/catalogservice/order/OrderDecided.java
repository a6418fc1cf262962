package io.github.ordersync.catalogservice.order;

/**
 * catalog-service decided an order: stock reserved (CONFIRMED) or not (REJECTED, with the reason). Carries the
 * whole order, so that the JDBC sink can write the complete row whichever of the two events reaches it first.
 */
record OrderDecided(OrderPlaced order, Decision decision) {}
