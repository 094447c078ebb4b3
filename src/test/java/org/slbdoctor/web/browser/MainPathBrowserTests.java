package org.slbdoctor.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

/**
 * The main path of issue 5 in a real Chromium: log in, register a sandbox instance whose backends are
 * all abnormal, fill observations, paste an nginx error log, run a diagnosis, see FAIL findings with
 * their evidence, switch to Chinese, download the PDF record. Screenshots go to target/screenshots.
 */
@TestPropertySource(properties = {"slbdoctor.sandbox.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:mainpath;DB_CLOSE_DELAY=-1"})
class MainPathBrowserTests extends BrowserTestSupport {

    static final String LB = "lb-bp1hz1allabn5r8t2w6y3";
    static final String NGINX_LOG = "2026/11/23 10:00:01 [error] 1760#0: *251777 upstream timed out (110: Connection timed out)"
            + " while reading response header from upstream, client: 203.0.113.9, server: shop.example.com,"
            + " request: \"GET /checkout.php HTTP/1.1\", upstream: \"fastcgi://127.0.0.1:9000\"";

    @Test
    void registerObserveUploadDiagnoseReadInChineseAndDownloadThePdf() throws Exception {
        logInAsAdmin();

        // register through the form: region from DescribeRegions, then the instance page
        open("/instances/new");
        new Select(find("#register-region")).selectByValue("cn-hangzhou");
        find("#register-id").sendKeys(LB);
        screenshot("register");
        find("#register-submit").click();
        waitFor().until(ExpectedConditions.urlToBe(url("/instances/" + LB)));
        assertThat(find(".flash-success").getText()).contains(LB);

        // observations: the guide's steps and causes
        open("/instances/" + LB + "/observations");
        click("#obs-observedStatusCodes input[value='502']");
        click("#obs-observedStatusCodes input[value='504']");
        click("#obs-pattern input[value='CONSTANT']");
        click("#obs-scope input[value='ALL_CLIENTS']");
        click("#obs-directToBackendResult input[value='ERRORS']");
        click("#obs-phpFpmRunning input[value='true']");
        find("#obs-appMaxResponseSeconds").sendKeys("75");
        find("#obs-backendCpuPercent").sendKeys("150");
        find("#obs-save").click();
        // a wrong value is refused next to its field, and what was typed stays
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=obs-invalid]")));
        assertThat(find("#obs-backendCpuPercent").findElement(By.xpath("../..")).getText())
                .contains("must be between 0 and 100");
        assertThat(find("#obs-appMaxResponseSeconds").getAttribute("value")).isEqualTo("75");
        screenshot("observations-invalid");
        find("#obs-backendCpuPercent").clear();
        find("#obs-backendCpuPercent").sendKeys("35");
        find("#obs-save").click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash-success"), "version 1"));
        assertThat(find("[data-testid=obs-version]").getText()).contains("Version 1").contains("admin");
        assertThat(find("#obs-directToBackendResult input[value='ERRORS']").isSelected()).isTrue();
        screenshot("observations");

        // artifacts: paste an nginx error log
        open("/instances/" + LB + "/artifacts");
        new Select(find("#artifact-kind")).selectByValue("nginx-error-log");
        find("#artifact-name").sendKeys("web-1 error.log");
        find("#artifact-content").sendKeys(NGINX_LOG);
        find("#artifact-submit").click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash-success"),
                "upstream timed out"));
        assertThat(find("[data-testid=artifacts-table]").getText()).contains("web-1 error.log", "nginx-error-log");
        screenshot("artifacts");

        // run a diagnosis from the instance page
        open("/instances/" + LB);
        List<WebElement> run = driver.findElements(By.cssSelector("[data-testid=run-first-diagnosis], [data-testid=run-diagnosis]"));
        assertThat(run).as("the instance page offers Run diagnosis").isNotEmpty();
        run.get(0).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=findings]")));
        String findings = find("[data-testid=findings]").getText();
        assertThat(findings).contains("Fail").contains("health-check").contains("all 2 backends abnormal");
        assertThat(findings).as("health-check evidence").contains("abnormal");
        assertThat(findings).as("nginx log evidence").contains("upstream timed out");
        screenshot("instance-page");
        driver.manage().window().setSize(PHONE);
        screenshot("instance-page-phone");
        driver.manage().window().setSize(DESKTOP);

        // the PDF record, fetched from the page's link with the session cookie
        String pdfHref = find("[data-testid=download-pdf]").getAttribute("href");
        assertThat(pdfHref).matches(".*/api/instances/" + LB + "/diagnoses/\\d+/record\\.pdf");
        @SuppressWarnings("unchecked")
        Map<String, Object> pdf = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b =>"
                        + " done({status: r.status, type: r.headers.get('Content-Type'),"
                        + " magic: String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5)))})))"
                        + ".catch(e => done({status: -1, type: String(e), magic: ''}));", pdfHref);
        assertThat(((Number) pdf.get("status")).intValue()).isEqualTo(200);
        assertThat((String) pdf.get("type")).startsWith("application/pdf");
        assertThat(pdf.get("magic")).isEqualTo("%PDF-");

        // 中文
        driver.findElement(By.linkText("中文")).click();
        waitFor().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        assertThat(find("nav.mainnav").getText()).contains("概览");
        open("/instances/" + LB + "/observations");
        assertThat(find("h1").getText()).isEqualTo("现场观察");
        assertThat(find("#obs-phpFpmRunning").getText()).contains("是");
        screenshot("observations-zh");
        open("/");
        screenshot("dashboard");
        assertThat(find("[data-testid=instances-table]").getText()).contains(LB);
        driver.findElement(By.linkText("en")).click();

        for (String shot : List.of("register", "observations", "artifacts", "instance-page", "dashboard")) {
            assertThat(Files.size(Path.of("target/screenshots/MainPathBrowserTests-" + shot + ".png"))).isPositive();
        }
    }

    private void click(String css) {
        WebElement input = find(css);
        // the radio/checkbox sits inside its label; clicking the label is what a person does
        WebElement label = input.findElement(By.xpath("./ancestor::label[1]"));
        // centred, so the sticky save bar at the bottom of the form does not cover it
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", label);
        label.click();
        assertThat(input.isSelected()).as(css).isTrue();
    }
}
