package io.github.ordersync.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.descriptor.jdbc.LocalDateTimeJdbcType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mapping of the shared orders table as Hibernate sees it with the service's own settings; Hibernate starts
 * without a database (nothing listens at the URL), as the service does.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:mariadb://127.0.0.1:1/nowhere")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class OrderRowMappingTest {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void tableTimesAreReadAsTheyAreStoredNotThroughTheJvmZone() {
        EntityPersister orders = entityManagerFactory
                .unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel()
                .getEntityDescriptor(OrderRow.class);

        for (String time : new String[] {"createdAt", "decidedAt"}) {
            AttributeMapping attribute = orders.findAttributeMapping(time);
            // ResultSet.getObject(column, LocalDateTime.class), not getTimestamp: no shift in a DST gap of the JVM's
            // zone
            assertThat(attribute.getSingleJdbcMapping().getJdbcType()).isInstanceOf(LocalDateTimeJdbcType.class);
        }
    }

    @Test
    void theEntityCannotBeWritten() {
        EntityPersister orders = entityManagerFactory
                .unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel()
                .getEntityDescriptor(OrderRow.class);

        assertThat(orders.isMutable()).isFalse();
    }
}
