package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ordersync.localstack.ProjectLayout;
import io.github.ordersync.localstack.StackWithServices;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in a real browser, headless Chromium from the operating system ({@code chromium} and
 * {@code chromium-driver}): place an order through the page, watch the stock drop and the order turn CONFIRMED.
 * Runs with {@code -Pbrowser}; leaves a screenshot in {@code docs/live-page.png}.
 */
class LivePageBrowserIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    private static StackWithServices pipeline;
    private static Databases db;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        pipeline = TestPipelines.start("live-page-it", 1);
        db = new Databases(pipeline);
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=en");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromium.driver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(driver, options);
        browser.manage().window().setSize(new Dimension(1200, 900));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void orderPlacedOnThePageTakesStockTurnsConfirmedAndShowsInTheSales() throws IOException {
        String product = db.newProduct(25, 1200);
        WebDriverWait wait = new WebDriverWait(browser, WITHIN);
        browser.get(pipeline.orderServices().get(0).url() + "/");

        By stock = By.cssSelector("#products tr[data-product='" + product + "'] td.stock");
        wait.until(ExpectedConditions.textToBe(stock, "25"));
        new Select(browser.findElement(By.id("product"))).selectByValue(product);
        browser.findElement(By.id("qty")).clear();
        browser.findElement(By.id("qty")).sendKeys("3");
        browser.findElement(By.id("place")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "placed (201)"));
        wait.until(ExpectedConditions.textToBe(stock, "22"));
        By status = By.cssSelector("#orders tbody tr:first-child td.status");
        wait.until(ExpectedConditions.textToBe(status, "CONFIRMED"));
        assertThat(browser.findElement(By.cssSelector("#orders tbody tr:first-child"))
                        .getText())
                .contains(product);

        // Kafka Streams counted the sale: the product is among the top five, drawn as a line of its minutes
        By topEntry = By.cssSelector("#top-products li[data-product='" + product + "']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(topEntry, "3 sold, revenue 3600"));
        assertThat(browser.findElements(By.cssSelector("#sales-chart polyline[data-product='" + product + "']")))
                .hasSize(1);

        // A price change in the catalog reaches the page through order-service's read model
        assertThat(OrderApi.call(
                                "PUT",
                                pipeline.catalogService().url() + "/catalog-service/catalogs/" + product,
                                "{\"productName\":\"Test product\",\"unitPrice\":1250}")
                        .status())
                .isEqualTo(200);
        By price = By.cssSelector("#products tr[data-product='" + product + "'] td:nth-child(3)");
        long changed = System.nanoTime();
        new WebDriverWait(browser, Duration.ofSeconds(3)).until(ExpectedConditions.textToBe(price, "1250"));
        System.out.printf("Price change on the live page after %d ms%n", (System.nanoTime() - changed) / 1_000_000);

        Path screenshot = ProjectLayout.root().resolve("docs/live-page.png");
        Files.createDirectories(screenshot.getParent());
        File taken = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(taken.toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
    }
}
