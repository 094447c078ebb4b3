package org.slbdoctor.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

/** The form pages in a real Chromium: register errors, import, file upload, the sandbox admin page. */
@TestPropertySource(properties = {"slbdoctor.sandbox.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:formsbrowser;DB_CLOSE_DELAY=-1"})
class FormsBrowserTests extends BrowserTestSupport {

    @Test
    void registerErrorsImportUploadAndSandboxAdmin() throws Exception {
        logInAsAdmin();

        // an instance the SLB API does not know: code and RequestId inline, what was typed kept
        open("/instances/new");
        new Select(find("#register-region")).selectByValue("cn-hangzhou");
        find("#register-id").sendKeys("lb-bp1doesnotexist000000");
        find("#register-submit").click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=register-problem]")));
        assertThat(find("[data-testid=problem-code]").getText()).isEqualTo("InvalidLoadBalancerId.NotFound");
        assertThat(find("[data-testid=problem-request-id]").getText()).isNotBlank();
        assertThat(find("#register-id").getAttribute("value")).isEqualTo("lb-bp1doesnotexist000000");
        screenshot("register-not-found");

        // import: list a region, register the ticked instances, see the results table
        open("/instances/import");
        new Select(find("#import-region")).selectByValue("cn-hongkong");
        find("#import-list").click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=import-listing]")));
        assertThat(find("[data-testid=import-listing]").getText()).contains("香港-官网");
        screenshot("import-listing");
        find("#import-submit").click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=import-result]")));
        assertThat(find("[data-testid=import-result]").getText()).contains("lb-j6c0hk0healthy1m3o5q7s", "registered");
        screenshot("import-result");

        // upload a file through the file input
        String lb = "lb-j6c0hk0healthy1m3o5q7s";
        Path sysctl = Files.createTempFile("sysctl", ".txt");
        Files.writeString(sysctl, "net.ipv4.conf.all.rp_filter = 1\nnet.ipv4.conf.default.rp_filter = 0\n");
        open("/instances/" + lb + "/artifacts?kind=sysctl");
        assertThat(new Select(find("#artifact-kind")).getFirstSelectedOption().getAttribute("value")).isEqualTo("sysctl");
        find("#artifact-file").sendKeys(sysctl.toAbsolutePath().toString());
        assertThat(find("[data-file-name]").getText()).contains(sysctl.getFileName().toString());
        find("#artifact-submit").click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=artifacts-table]")));
        assertThat(find("[data-testid=artifacts-table]").getText()).contains(sysctl.getFileName().toString(), "sysctl");
        // an empty paste is refused inline
        new Select(find("#artifact-kind")).selectByValue("nginx-conf");
        find("#artifact-submit").click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=artifact-error]")));
        assertThat(find("[data-testid=artifact-error]").getText()).contains("EmptyContent");
        screenshot("artifacts-error");
        driver.manage().window().setSize(PHONE);
        open("/instances/" + lb + "/artifacts#artifact-nginx-conf");
        screenshot("artifacts-phone");
        open("/instances/" + lb + "/observations");
        screenshot("observations-phone");
        driver.manage().window().setSize(DESKTOP);

        // the sandbox admin page reaches the SDK: an injected RAM denial shows up on the register form
        open("/admin/sandbox");
        new Select(find("#sb-action")).selectByValue("DescribeLoadBalancerAttribute");
        new Select(find("#sb-fault")).selectByValue("FORBIDDEN_RAM");
        find("#sandbox-action-save").click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=sandbox-current]"),
                "Forbidden.RAM"));
        screenshot("sandbox-admin");
        open("/instances/new");
        new Select(find("#register-region")).selectByValue("cn-hangzhou");
        find("#register-id").sendKeys("lb-bp1hz0healthy7k2m9q4x1");
        find("#register-submit").click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=register-problem]")));
        assertThat(find("[data-testid=problem-code]").getText()).isEqualTo("Forbidden.RAM");
        screenshot("register-ram-denied");
        open("/admin/sandbox");
        find("#sandbox-reset").click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash-success")));
    }
}
