package org.slbdoctor.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard, instance, history and diff pages in a real Chromium against the sandbox: register
 * the demo instances from the dashboard, run diagnoses, compare them, at desktop and phone widths.
 * Screenshots (full page height) land in target/screenshots/PagesBrowserTests-*.png.
 */
@TestPropertySource(properties = "slbdoctor.sandbox.enabled=true")
class PagesBrowserTests extends BrowserTestSupport {

    static final String ALL_ABNORMAL = "lb-bp1hz1allabn5r8t2w6y3";
    static final String LARGE = "lb-bp1hzdlarge50x20g6i8k1";

    @Test
    void registerDemoInstancesRunDiagnosesAndCompareThem() throws Exception {
        logInAsAdmin();
        open("/");
        assertThat(find("[data-testid=sandbox-demo]").getText()).contains(ALL_ABNORMAL);
        fullPage("dashboard-demo-panel", DESKTOP.width);

        find("form[action$='/demo-instances'] button[type=submit]").click();
        slowWait().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash-success")));
        assertThat(find(".flash-success").getText()).contains("demo instances registered");
        assertThat(driver.findElements(By.cssSelector("[data-testid=sandbox-demo]"))).isEmpty();
        assertThat(find("[data-testid=instances-table]").getText()).contains(ALL_ABNORMAL, "订单服务-全部异常");

        // a first diagnosis from the empty instance page
        open("/instances/" + ALL_ABNORMAL);
        assertThat(find("[data-testid=no-diagnosis]").isDisplayed()).isTrue();
        fullPage("instance-before", DESKTOP.width);
        find("[data-testid=run-first-diagnosis]").click();
        slowWait().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=verdict]")));
        assertThat(find(".flash-success").getText()).contains("finished: FAIL");
        assertThat(find("[data-testid=findings]").getText()).contains("health-check");
        assertThat(find("[data-testid=health-grid]").getText()).contains("abnormal");
        assertThat(driver.findElements(By.cssSelector("[data-testid=topology] svg .node-backend"))).hasSize(2);
        fullPage("instance-desktop", DESKTOP.width);
        fullPage("instance-phone", PHONE.width);

        // a second run, then the history and the diff between the two
        find("[data-testid=run-diagnosis]").click();
        slowWait().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash-success")));
        open("/instances/" + ALL_ABNORMAL + "/diagnoses");
        assertThat(driver.findElements(By.cssSelector("[data-diagnosis]"))).hasSize(2);
        fullPage("history", DESKTOP.width);
        find("[data-testid=compare]").click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=diff]")));
        fullPage("diff", DESKTOP.width);

        // the big one: 50 listeners × 20 backends, topology capped and summarised
        open("/instances/" + LARGE);
        find("[data-testid=run-first-diagnosis]").click();
        slowWait().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=verdict]")));
        assertThat(driver.findElements(By.cssSelector("[data-testid=topology] svg .node-summary"))).isNotEmpty();
        fullPage("instance-large", DESKTOP.width);

        // dashboard after the runs, filtered, in both widths and in Chinese
        open("/");
        new Select(find("#filter-verdict")).selectByValue("FAIL");
        find("[data-testid=dashboard-filters] button[type=submit]").click();
        waitFor().until(ExpectedConditions.urlContains("verdict=FAIL"));
        assertThat(find("[data-testid=instances-table]").getText()).contains(ALL_ABNORMAL);
        open("/");
        fullPage("dashboard-desktop", DESKTOP.width);
        fullPage("dashboard-phone", PHONE.width);
        open("/instances/" + ALL_ABNORMAL + "?lang=zh-CN");
        assertThat(find("[data-testid=run-diagnosis]").getText()).contains("运行诊断");
        fullPage("instance-zh", DESKTOP.width);
        open("/?lang=en");
    }

    private WebDriverWait slowWait() {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** Resizes the window to the page's full height at this width, so one picture shows everything. */
    private void fullPage(String name, int width) throws IOException {
        driver.manage().window().setSize(new Dimension(width, 900));
        long height = (Long) ((JavascriptExecutor) driver)
                .executeScript("return Math.ceil(document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 8000)));
        screenshot(name + "-" + width);
        driver.manage().window().setSize(DESKTOP);
    }
}
