package cn.yibao.portal.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Starts headless Chromium from the OS packages, sized and localised like a resident's phone. */
public final class Browser {

    private static final Path SCREENSHOT_DIR =
            Path.of(System.getProperty("basedir", "."), "target", "e2e-screenshots");

    private Browser() {
    }

    public static WebDriver start() {
        String chrome = System.getProperty("e2e.chrome.binary", "/usr/bin/chromium");
        String chromedriver = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");
        if (!isExecutable(chrome) || !isExecutable(chromedriver)) {
            throw new AssertionError("Chromium/ChromeDriver not found at " + chrome + ", " + chromedriver
                    + ". Install them with: sudo apt-get install -y chromium chromium-driver"
                    + " (or pass -De2e.chrome.binary=... -De2e.chromedriver=...)");
        }

        Path profile = freshProfileDirectory();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=412,915",
                "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));

        // An explicit driver executable keeps Selenium Manager from trying to download one (no internet here).
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        phoneSize(driver);
        return driver;
    }

    /**
     * A phone's viewport, 412 × 915 CSS pixels. Headless Chromium will not make a window narrower than about 500 px
     * whatever {@code --window-size} says, so the size is set through the DevTools protocol.
     */
    public static void phoneSize(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 412, "height", 915, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Saves a PNG to target/e2e-screenshots/&lt;name&gt;.png; never throws, so it cannot hide the real failure. */
    public static void screenshot(WebDriver driver, String name) {
        if (!(driver instanceof TakesScreenshot camera)) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOT_DIR);
            Path target = SCREENSHOT_DIR.resolve(name.replaceAll("[^\\w.-]", "_") + ".png");
            Files.copy(camera.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            System.err.println("Could not save screenshot " + name + ": " + e);
        }
    }

    private static boolean isExecutable(String path) {
        Path file = Path.of(path);
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    private static Path freshProfileDirectory() {
        try {
            Path dir = Files.createTempDirectory("e2e-chromium-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // Best effort: it is a temporary directory.
        }
    }
}
