package io.github.ordersync.catalogservice.order;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrderDecisionRepository extends JpaRepository<OrderDecisionRow, String> {}
