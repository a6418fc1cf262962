package io.github.ordersync.orderservice.live;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the live page (static/index.html) where catalog-service is, so the page works on any port. */
@RestController
@Hidden
class LivePageController {

    private final LivePageProperties properties;

    LivePageController(LivePageProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/live/config")
    Map<String, String> config() {
        return Map.of("catalogUrl", properties.catalogUrl());
    }
}
