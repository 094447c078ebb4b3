package org.slbdoctor.web.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base class for tests in a real headless Chromium (Debian's {@code chromium} + {@code chromium-driver}).
 *
 * <p>Starts the app on a random port with an in-memory database and the admin password
 * {@link #ADMIN_PASSWORD}, one browser per test class (cookies cleared before each test). Subclasses
 * may add {@code @SpringBootTest(properties=...)}-style config with {@code @TestPropertySource}.
 * Never downloads anything: the browser and driver paths are explicit, so Selenium Manager stays idle.
 * Override the paths with SLBDOCTOR_CHROME_BINARY / SLBDOCTOR_CHROMEDRIVER.
 *
 * <p>Without Chromium the tests are skipped with a message, except under CI (env CI set), where a
 * missing browser is a failure.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
        "slbdoctor.admin.password=" + BrowserTestSupport.ADMIN_PASSWORD})
public abstract class BrowserTestSupport {

    public static final String ADMIN_PASSWORD = "browser-admin-pw-1";
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    protected static WebDriver driver;
    private static Path profileDir;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        File chromium = new File(env("SLBDOCTOR_CHROME_BINARY", "/usr/bin/chromium"));
        File chromedriver = new File(env("SLBDOCTOR_CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean available = chromium.canExecute() && chromedriver.canExecute();
        if (!available) {
            String message = "Browser tests need " + chromium + " and " + chromedriver
                    + " (apt-get install chromium chromium-driver, or run .ci/run)";
            if (System.getenv("CI") != null) {
                Assertions.fail("CI is set but Chromium is missing. " + message);
            }
            System.err.println("SKIPPED browser tests: " + message);
            Assumptions.abort(message);
        }
        System.setProperty("webdriver.chrome.driver", chromedriver.getPath());
        profileDir = Files.createTempDirectory("slbdoctor-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--lang=en-US",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profileDir != null) {
            try (var files = Files.walk(profileDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void freshSession() {
        driver.manage().window().setSize(DESKTOP);
        driver.get(url("/login"));
        driver.manage().deleteAllCookies();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected void open(String path) {
        driver.get(url(path));
    }

    /** Fills the login form and submits it; does not check the outcome. */
    protected void submitLogin(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        waitFor().until(d -> !d.getCurrentUrl().equals(url("/login")));
    }

    /** Logs in and waits until the layout shows the user. */
    protected void logIn(String username, String password) {
        submitLogin(username, password);
        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=current-user]"), username));
    }

    protected void logInAsAdmin() {
        logIn("admin", ADMIN_PASSWORD);
    }

    protected void logOut() {
        driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        waitFor().until(ExpectedConditions.urlContains("/login"));
    }

    protected WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    protected WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** Saves target/screenshots/{TestClass}-{name}.png and returns its path. */
    protected Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + name + ".png");
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(target, png);
        return target;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
