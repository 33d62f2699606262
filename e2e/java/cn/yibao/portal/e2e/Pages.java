package cn.yibao.portal.e2e;

import java.net.URI;
import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Shared waiting helpers for the page objects. */
final class Pages {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Pages() {
    }

    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, TIMEOUT);
    }

    /** The path of the current URL, with an empty path reported as "/". */
    static String pathOf(WebDriver driver) {
        String path = URI.create(driver.getCurrentUrl()).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    static void waitForPath(WebDriver driver, String path) {
        waitFor(driver)
                .withMessage(() -> "expected to be on path " + path + " but the browser is at " + driver.getCurrentUrl())
                .until(d -> path.equals(pathOf(d)));
    }

    static void waitForPathStartingWith(WebDriver driver, String prefix) {
        waitFor(driver)
                .withMessage(() -> "expected a path starting with " + prefix + " but the browser is at " + driver.getCurrentUrl())
                .until(d -> pathOf(d).startsWith(prefix));
    }
}
