package io.github.ordersync.catalogservice.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The only statements that ever change stock (an order's reservation, a restock), and the prices an order is decided
 * at, in the decision's transaction. The decrement is plain SQL rather than JPA: one locked read and one conditional
 * UPDATE per product for a whole batch (no lost update, no version conflict), the updates sent in one round trip.
 * The prices are read through {@link ProductRepository}, as a projection.
 */
@Repository
public class Products {

    private final ProductRepository products;
    private final JdbcTemplate batch;

    Products(ProductRepository products, JdbcTemplate batch) {
        this.products = products;
        this.batch = batch;
    }

    /**
     * The current unit price of each of {@code productIds} that exists, with the rows locked until the caller's
     * transaction ends (it must run in one): a price change waits for the decision that read the old price.
     */
    public Map<String, Long> prices(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return products.findPricesByProductIdIn(productIds).stream()
                .collect(Collectors.toMap(
                        ProductRepository.ProductPrice::productId, ProductRepository.ProductPrice::unitPrice));
    }

    /** {@code qty} items of one product, for {@link #reserve(List)}. */
    public record Request(String productId, int qty) {}

    /**
     * Adds {@code qty} items to a product's stock: one UPDATE, which waits for the row lock an order's reservation
     * holds and is then applied to the stock that reservation left, so neither is lost. Never above
     * {@link #MAX_STOCK}.
     *
     * @return whether the product exists and could take that many more
     */
    boolean restock(String productId, int qty) {
        return batch.update(
                        "UPDATE products SET stock = stock + ? WHERE product_id = ? AND stock <= ?",
                        qty,
                        productId,
                        MAX_STOCK - qty)
                == 1;
    }

    /** The most items of one product the catalog keeps. */
    static final int MAX_STOCK = 1_000_000_000;

    /**
     * Takes each request's items out of stock if there are that many, in the order given, and must run inside the
     * caller's transaction. The products' rows are read and locked once (SELECT ... FOR UPDATE, in primary key
     * order, so two batches cannot deadlock), the requests decided against that stock in memory, and each product's
     * stock written once with what the batch took: a batch of 500 orders on one product is two statements, not 500.
     * The write is still conditional (and the table's check refuses a negative stock), so a mistake here fails the
     * batch instead of overselling.
     *
     * @return per request, whether its stock was reserved
     */
    public boolean[] reserve(List<Request> requests) {
        if (requests.isEmpty()) {
            return new boolean[0];
        }
        List<String> productIds =
                requests.stream().map(Request::productId).distinct().sorted().toList();
        Map<String, Integer> left = new HashMap<>();
        batch.query(
                "SELECT product_id, stock FROM products WHERE product_id IN ("
                        + String.join(",", Collections.nCopies(productIds.size(), "?"))
                        + ") ORDER BY product_id FOR UPDATE",
                row -> {
                    left.put(row.getString(1), row.getInt(2));
                },
                productIds.toArray());
        boolean[] reserved = new boolean[requests.size()];
        Map<String, Integer> taken = new TreeMap<>();
        for (int i = 0; i < reserved.length; i++) {
            Request request = requests.get(i);
            Integer stock = left.get(request.productId());
            reserved[i] = stock != null && stock >= request.qty();
            if (reserved[i]) {
                left.put(request.productId(), stock - request.qty());
                taken.merge(request.productId(), request.qty(), Integer::sum);
            }
        }
        if (taken.isEmpty()) {
            return reserved;
        }
        List<Map.Entry<String, Integer>> updates = List.copyOf(taken.entrySet());
        int[] updated = batch.batchUpdate(
                        "UPDATE products SET stock = stock - ? WHERE product_id = ? AND stock >= ?",
                        updates,
                        updates.size(),
                        (statement, update) -> {
                            statement.setInt(1, update.getValue());
                            statement.setString(2, update.getKey());
                            statement.setInt(3, update.getValue());
                        })[0];
        for (int count : updated) {
            if (count != 1) {
                // e.g. useBulkStmts=true in the JDBC URL, which answers SUCCESS_NO_INFO for every statement
                throw new IllegalStateException("A stock update under its row lock did not apply: " + count);
            }
        }
        return reserved;
    }
}
