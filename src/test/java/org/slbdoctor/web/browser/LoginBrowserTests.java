package org.slbdoctor.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Login, logout, layout, language switch, error page and user administration in a real Chromium. */
class LoginBrowserTests extends BrowserTestSupport {

    @Test
    void wrongPasswordIsRefused() throws Exception {
        submitLogin("admin", "not-the-password");
        assertThat(driver.getCurrentUrl()).endsWith("/login?error");
        assertThat(find("[data-testid=login-error]").getText()).contains("Wrong user name or password");
        assertThat(driver.findElements(By.cssSelector("[data-testid=current-user]"))).isEmpty();
        screenshot("login-failed");
        open("/");
        assertThat(driver.getCurrentUrl()).as("still anonymous").endsWith("/login");
    }

    @Test
    void adminLogsInSeesTheDashboardAndLogsOut() throws Exception {
        open("/");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        screenshot("login-page");
        logInAsAdmin();
        assertThat(driver.getCurrentUrl()).startsWith(url("/")).doesNotContain("login");
        assertThat(find("h1").getText()).isEqualTo("Load balancers");
        assertThat(find("[data-testid=empty-state]").isDisplayed()).isTrue();
        assertThat(find("nav.mainnav").getText()).contains("Dashboard", "Instances", "Users");
        assertThat(Files.size(screenshot("dashboard-desktop"))).isPositive();
        driver.manage().window().setSize(PHONE);
        assertThat(find("[data-testid=empty-state]").isDisplayed()).isTrue();
        screenshot("dashboard-phone");
        driver.manage().window().setSize(DESKTOP);

        logOut();
        assertThat(driver.getCurrentUrl()).endsWith("/login?logout");
        open("/");
        assertThat(driver.getCurrentUrl()).as("logged out for real").endsWith("/login");
    }

    @Test
    void languageSwitchAndErrorPage() throws Exception {
        logInAsAdmin();
        driver.findElement(By.linkText("中文")).click();
        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("h1"), "负载均衡实例"));
        assertThat(find("html").getAttribute("lang")).isEqualTo("zh-CN");
        screenshot("dashboard-zh");
        open("/no-such-page");
        assertThat(find("h1").getText()).isEqualTo("页面不存在");
        assertThat(find("nav.mainnav").isDisplayed()).as("error page uses the layout").isTrue();
        driver.findElement(By.linkText("en")).click();
        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Page not found"));
        screenshot("error-404");
    }

    @Test
    void adminAddsAViewerWhoCanLogInButNotAdministrate() throws Exception {
        logInAsAdmin();
        open("/admin/users");
        find("#new-username").sendKeys("x");
        find("#new-password").sendKeys("short");
        find("form[action$='/admin/users'] button[type=submit]").click();
        assertThat(driver.findElements(By.cssSelector(".field-error"))).hasSize(2);
        screenshot("users-validation");

        find("#new-username").clear();
        find("#new-username").sendKeys("auditor");
        find("#new-password").sendKeys("auditor-password-1");
        new Select(find("#new-role")).selectByValue("VIEWER");
        find("form[action$='/admin/users'] button[type=submit]").click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash-success"), "auditor"));
        assertThat(find("[data-testid=users-table]").getText()).contains("auditor").doesNotContain("auditor-password-1");
        screenshot("users");
        logOut();

        logIn("auditor", "auditor-password-1");
        assertThat(find("nav.mainnav").getText()).doesNotContain("Users");
        open("/admin/users");
        assertThat(find("h1").getText()).isEqualTo("Access denied");
    }
}
