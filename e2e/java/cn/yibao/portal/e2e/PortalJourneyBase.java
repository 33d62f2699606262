package cn.yibao.portal.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.yibao.portal.PortalApplication;

/** Runs the whole portal (sandbox issuer, ephemeral database) on a random port and drives it with Chromium. */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"sandbox", "test"})
public abstract class PortalJourneyBase {

    @LocalServerPort
    int port;

    protected WebDriver driver;

    // Runs while the browser is still open (unlike TestWatcher, which runs after @AfterEach).
    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = (context, failure) -> {
        Browser.screenshot(driver, screenshotName(context.getRequiredTestClass(), context.getDisplayName()) + "-failed");
        throw failure;
    };

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void quitBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    protected String portalUrl(String path) {
        return "http://localhost:" + port + path;
    }

    /** Saves a screenshot named after this journey class and the given step. */
    protected void screenshot(String step) {
        Browser.screenshot(driver, getClass().getSimpleName() + "-" + step);
    }

    private static String screenshotName(Class<?> testClass, String displayName) {
        return testClass.getSimpleName() + "-" + displayName.replace("()", "");
    }
}
