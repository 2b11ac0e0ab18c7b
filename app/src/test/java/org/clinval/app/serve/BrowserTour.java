package org.clinval.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the pages in Debian's headless Chromium through its ChromeDriver (both installed by {@code
 * .ci/install-test-tools}; Selenium is told where they are, so it never looks for a driver on the
 * network), and saves a screenshot of each page.
 */
final class BrowserTour implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    final WebDriverWait wait;
    private final String base;
    private final Path shots;
    private final Path profile;

    BrowserTour(String base, Path shots) throws IOException {
        this.base = base;
        this.shots = Files.createDirectories(shots);
        this.profile = Files.createTempDirectory("clinval-chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--window-size=1366,1800",
                "--user-data-dir=" + profile);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        this.driver = new ChromeDriver(service, o);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String hash) {
        driver.get(base + "/" + hash);
    }

    void login(String user, String password) {
        open("");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        WebElement u = driver.findElement(By.id("user"));
        u.clear();
        u.sendKeys(user);
        WebElement p = driver.findElement(By.id("password"));
        p.clear();
        p.sendKeys(password);
        driver.findElement(By.id("login-button")).click();
    }

    String loginError() {
        wait.until(d -> !d.findElement(By.id("login-error")).getText().isBlank());
        return driver.findElement(By.id("login-error")).getText();
    }

    /**
     * Clicks the element {@code by} finds, finding it again if the page redrew it in between (the
     * dashboard redraws when its data changes).
     */
    void click(By by) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(
                        d -> {
                            d.findElement(by).click();
                            return true;
                        });
    }

    void waitFor(By by) {
        wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(By.cssSelector("#view")).isEmpty()
                ? List.of()
                : driver.findElements(by);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    Path screenshot(String name) throws IOException {
        Path f = shots.resolve(name + ".png");
        byte[] png =
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(f, png);
        assertThat(png.length).as(name).isGreaterThan(10_000);
        return f;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var s = Files.walk(profile)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
