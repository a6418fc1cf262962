package io.github.ordersync.catalogservice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.ordersync.catalogservice.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The products table through JPA, on the real catalog database; each test commits, on a product of its own. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({TestInfrastructure.class, Products.class, CatalogEdits.class})
class ProductRepositoryIT {

    private static final String PRODUCT = "TEST-EDITS";

    @Autowired
    ProductRepository repository;

    @Autowired
    Products products;

    @Autowired
    CatalogEdits edits;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient db;

    @BeforeEach
    void addProduct() {
        db.sql("INSERT INTO products (product_id, product_name, unit_price, stock) VALUES (?, 'Test', 500, 10)")
                .param(PRODUCT)
                .update();
    }

    @AfterEach
    void removeProduct() {
        db.sql("DELETE FROM products WHERE product_id = ?").param(PRODUCT).update();
    }

    @Test
    void listsTheCatalogByProductId() {
        List<String> ids = repository.findAll(ProductRepository.BY_ID).stream()
                .map(Product::productId)
                .toList();

        assertThat(ids)
                .contains("CATALOG-001", "CATALOG-002", "CATALOG-003", PRODUCT)
                .isSorted();
        assertThat(repository.findById("CATALOG-999")).isEmpty();
    }

    @Test
    void pricesAreTheCurrentOnesOfTheProductsThatExist() {
        tx.executeWithoutResult(status -> {
            Product product = repository.findById(PRODUCT).orElseThrow();
            product.reprice(750);
            repository.save(product);
        });

        // read in the decision's transaction, as the order listener does: the rows stay locked until it ends
        Map<String, Long> prices = tx.execute(status -> products.prices(List.of(PRODUCT, "CATALOG-999")));
        assertThat(prices).isEqualTo(Map.of(PRODUCT, 750L));
    }

    @Test
    void aConcurrentEditOfTheSameProductFailsInsteadOfBeingLost() {
        Product mine = tx.execute(status -> repository.findById(PRODUCT).orElseThrow());
        Product theirs = tx.execute(status -> repository.findById(PRODUCT).orElseThrow());

        tx.executeWithoutResult(status -> {
            theirs.reprice(600);
            repository.save(theirs);
        });

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    mine.rename("Renamed");
                    repository.save(mine);
                }))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(repository.findById(PRODUCT).orElseThrow().view())
                .isEqualTo(new ProductView(PRODUCT, "Test", 600, 10));
    }

    @Test
    void anEditKeepsTheStockReservedSinceTheProductWasRead() {
        Product read = tx.execute(status -> repository.findById(PRODUCT).orElseThrow());

        boolean[] reserved = tx.execute(status -> products.reserve(List.of(new Products.Request(PRODUCT, 3))));
        tx.executeWithoutResult(status -> {
            read.reprice(700);
            repository.save(read);
        });

        assertThat(reserved).containsExactly(true);
        assertThat(repository.findById(PRODUCT).orElseThrow().view())
                .isEqualTo(new ProductView(PRODUCT, "Test", 700, 7));
    }

    @Test
    void aBatchReservesInTheOrderGivenWhileTheStockLasts() {
        boolean[] reserved = tx.execute(status -> products.reserve(List.of(
                new Products.Request(PRODUCT, 4),
                new Products.Request("CATALOG-999", 1),
                new Products.Request(PRODUCT, 4),
                new Products.Request(PRODUCT, 4),
                new Products.Request(PRODUCT, 2))));

        // the third request of 4 finds 2 left and is refused; the last, of 2, takes them
        assertThat(reserved).containsExactly(true, false, true, false, true);
        assertThat(repository.findById(PRODUCT).orElseThrow().stock()).isZero();
    }

    @Test
    void aBatchThatFindsTooLittleStockChangesNothing() {
        boolean[] reserved = tx.execute(status -> products.reserve(List.of(new Products.Request(PRODUCT, 11))));

        assertThat(reserved).containsExactly(false);
        assertThat(repository.findById(PRODUCT).orElseThrow().stock()).isEqualTo(10);
    }

    @Test
    void aPriceChangeWaitsForTheDecisionThatReadTheOldPrice() throws Exception {
        CountDownLatch pricesRead = new CountDownLatch(1);
        CountDownLatch decided = new CountDownLatch(1);
        CompletableFuture<Map<String, Long>> decision = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            Map<String, Long> prices = products.prices(List.of(PRODUCT));
            pricesRead.countDown();
            awaitQuietly(decided);
            products.reserve(List.of(new Products.Request(PRODUCT, 1)));
            return prices;
        }));
        pricesRead.await();

        CompletableFuture<ProductView> change =
                CompletableFuture.supplyAsync(() -> edits.edit(PRODUCT, new ProductChange("Test", 900L)));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !change.isDone());
        decided.countDown();

        assertThat(decision.get()).isEqualTo(Map.of(PRODUCT, 500L));
        // applied after the decision: it sees the stock the decision took
        assertThat(change.get()).isEqualTo(new ProductView(PRODUCT, "Test", 900, 9));
    }

    @Test
    void restocksRacingReservationsLoseNoItem() {
        List<CompletableFuture<Boolean>> reservations = new ArrayList<>();
        List<CompletableFuture<ProductView>> restocks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            reservations.add(CompletableFuture.supplyAsync(
                    () -> tx.execute(status -> products.reserve(List.of(new Products.Request(PRODUCT, 1)))[0])));
            restocks.add(CompletableFuture.supplyAsync(() -> edits.restock(PRODUCT, 1)));
        }
        long reserved = reservations.stream().filter(CompletableFuture::join).count();
        restocks.forEach(CompletableFuture::join);

        assertThat(repository.findById(PRODUCT).orElseThrow().stock()).isEqualTo(10 + 40 - reserved);
    }

    @Test
    void addingAProductWhoseIdExistsIsAConflictNotAnOverwrite() {
        assertThatThrownBy(() -> edits.add(new NewProduct(PRODUCT, "Other", 1L, 0)))
                .isInstanceOf(ProductConflict.class);
        assertThat(repository.findById(PRODUCT).orElseThrow().view())
                .isEqualTo(new ProductView(PRODUCT, "Test", 500, 10));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
