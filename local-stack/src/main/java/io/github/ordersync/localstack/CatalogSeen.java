package io.github.ordersync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Waits until every order-service instance knows every product of the catalog: the catalog's rows have gone through
 * the binlog and the catalog-source connector into each instance's read model. Until then an order for a product the
 * catalog has may be refused as for an unknown one; the system counts as started only after this.
 */
public final class CatalogSeen {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CatalogSeen() {}

    /** Waits until each order-service instance's read model holds every product catalog-service lists now. */
    public static void await(String catalogServiceUrl, List<String> orderServiceUrls, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Set<String> catalog;
        while ((catalog = productIds(catalogServiceUrl + "/catalog-service/catalogs", "")) == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("catalog-service at " + catalogServiceUrl + " did not answer");
            }
            Pause.briefly();
        }
        for (String orderService : orderServiceUrls) {
            Set<String> seen;
            while ((seen = productIds(orderService + "/order-service/products", "products")) == null
                    || !seen.containsAll(catalog)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("order-service at " + orderService + " knows products " + seen
                            + " after " + timeout + ", the catalog has " + catalog
                            + ": is the catalog-source connector running?");
                }
                Pause.briefly();
            }
        }
    }

    /** The product ids the URL lists, or null while it does not answer 200. */
    private static Set<String> productIds(String url, String listField) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            JsonNode body = JSON.readTree(response.body());
            JsonNode products = listField.isEmpty() ? body : body.path(listField);
            Set<String> ids = new HashSet<>();
            products.forEach(product -> ids.add(product.path("productId").asText()));
            return ids;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
