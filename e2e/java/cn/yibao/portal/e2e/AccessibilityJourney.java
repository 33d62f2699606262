package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.FreshResidents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every page a resident, a help-desk worker and a payment operator can reach in the sandbox, each checked the same
 * way: axe (WCAG 2.2 AA) finds nothing; at 412 px and at 320 px nothing overflows sideways and no date, time,
 * amount, masked ID or order number is broken across lines when it would fit on one; the back link and the language
 * links are 44 px touch targets. Screenshots of each page at both widths go to target/e2e-screenshots/.
 */
class AccessibilityJourney extends PortalJourneyBase {

    private static final String WECHAT_UA =
            "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116 Mobile "
                    + "Safari/537.36 MicroMessenger/8.0.40";

    @Test
    void publicPages() {
        visit("/", "landing");
        visit("/?lang=en", "landing-en");
        visit("/?lang=zh-CN", "landing-zh");
        visit("/contribution/calculator", "calculator");
        visit("/contribution/calculator?region=371000&year=2024&category=MINOR", "calculator-quote");
        visit("/contribution/calculator?region=141121&year=2024&category=ADULT&lang=en", "calculator-quote-en");
        visit("/policy/documents?lang=zh-CN", "policy-documents");
        visit("/verify", "verify-form");
        visit("/verify?t=not-a-code", "verify-not-a-code");
        visit("/upload-too-large", "upload-too-large");
        noProblems();
    }

    @Test
    void aResidentPaysFilesAndLooksAtEveryPage() {
        String claims = FreshResidents.adultIn("141121", "郝文静");
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("a11y-resident", claims);
        new HomePage(driver);
        check("home");
        visit("/home?lang=en", "home-en");
        visit("/home?lang=zh-CN", "home-zh");
        visit("/contribution", "contribution");
        visit("/contribution?year=2023", "contribution-2023");
        visit("/benefits", "benefits");
        visit("/benefits?lang=en", "benefits-en");
        visit("/benefits?lang=zh-CN", "benefits-zh");
        visit("/prescriptions", "prescriptions-none");
        visit("/family", "family");
        visit("/code", "resident-code");
        visit("/assist/history", "assist-history");
        visit("/assist/requests", "assist-requests");
        visit("/no-such-page", "error-404");
        visit("/no-such-page?lang=en", "error-404-en");
        visit("/home?lang=zh-CN", "home-zh-again");

        // Paying for 2024: choose, review, the sandbox cashier, the result, a receipt and its public verification.
        driver.get(portalUrl("/contribution?year=2024"));
        driver.findElement(By.id("go-pay")).click();
        PaymentFlow.ChoosePage choose = new PaymentFlow.ChoosePage(driver);
        check("payment-choose");
        PaymentFlow.ReviewPage review = choose.next();
        check("payment-review");
        PaymentFlow.CashierPage cashier = review.confirm();
        check("sandbox-cashier");
        PaymentFlow.ResultPage result = cashier.pay().waitUntilStatus("已支付");
        check("payment-result");
        result.receiptLinks().get(0).click();
        Pages.waitFor(driver).until(d -> Pages.pathOf(d).contains("/receipts/"));
        check("payment-receipt");
        String verifyUrl = driver.findElement(By.id("receipt-verify")).getAttribute("href");
        driver.get(verifyUrl);
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-result")));
        check("verify-receipt");
        visit("/payments", "payment-history");
        visit("/contribution?year=2024", "contribution-paid");

        // Filing: the list, the types, the form, the summary, the filing itself.
        visit("/filing", "filing-list-empty");
        visit("/filing/new", "filing-types");
        driver.get(portalUrl("/filing/new/REFERRAL"));
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-form")));
        check("filing-form");
        driver.get(portalUrl("/filing"));
        FilingPages filing = new FilingPages(driver).fileForSelf("REFERRAL", "上海市", "转诊至上海就医");
        check("filing-summary");
        filing.submit();
        check("filing-detail");
        visit("/filing", "filing-list");
        visit("/home", "home-after");
        noProblems();
    }

    @Test
    void aResidentWithPrescriptionsAndAFamily() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-dibao");
        visit("/prescriptions", "prescriptions");
        driver.findElement(By.cssSelector(".prescription-item a[href^='/prescriptions/']")).click();
        Pages.waitForPathStartingWith(driver, "/prescriptions/");
        check("prescription-detail");
        visit("/benefits", "benefits-dibao");
        driver.get(portalUrl("/home"));
        new HomePage(driver).signOut();

        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-general");
        visit("/home", "home-household");
        visit("/family", "family-household");
        visit("/contribution?year=2024", "contribution-household");
        visit("/code", "resident-code-household");
        visit("/prescriptions", "prescriptions-household");
        noProblems();
    }

    @Test
    void insideWechatErrorPagesAndOtherPagesHaveNoSecondHeader() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-jiance");
        ((ChromiumDriver) driver).executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", WECHAT_UA));
        visit("/home", "wechat-home");
        assertThat(driver.findElements(By.cssSelector(".site-header"))).as("home inside WeChat").isEmpty();
        visit("/no-such-page", "wechat-error-404");
        assertThat(driver.findElements(By.cssSelector(".site-header"))).as("404 inside WeChat").isEmpty();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("页面不存在");
        noProblems();
    }

    @Test
    void aHelpDeskWorkerAtTheCounterTheDeskAndInAnAssistedSession() {
        // A resident of this journey's own shows their code (read off the page here) and files something to review.
        String claims = FreshResidents.adultIn("141121", "窦春华");
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("a11y-assisted", claims);
        new HomePage(driver);
        FilingPages filing = FilingPages.openFromHome(driver).fileForSelf("REFERRAL", "北京市", "转诊至北京就医").submit();
        String number = filing.number();
        driver.get(portalUrl("/home"));
        new HomePage(driver);
        String code = ResidentCodePage.openFromHome(driver).token();
        driver.get(portalUrl("/home"));
        new HomePage(driver).signOut();

        StaffCounterPage.signIn(driver, portalUrl("/"), "staff-wenshui");
        check("staff-counter");
        new StaffCounterPage(driver).paste("not-a-code");
        check("staff-counter-error");
        new StaffCounterPage(driver).paste(code);
        check("staff-counter-verified");
        visit("/staff/filings", "staff-filings");
        driver.findElements(By.cssSelector("a[href^='/staff/filings/']")).stream()
                .filter(link -> link.getText().contains(number)).findFirst().orElseThrow().click();
        Pages.waitForPathStartingWith(driver, "/staff/filings/");
        check("staff-filing-review");
        visit("/staff/imports", "staff-imports");
        visit("/staff/payments", "error-403");
        visit("/staff/assist", "staff-assist-desk");

        driver.findElement(By.id("resident-code")).sendKeys(code);
        driver.findElement(By.id("assist-start")).click();
        Pages.waitForPath(driver, "/home");
        check("assisted-home");
        visit("/contribution", "assisted-contribution");
        visit("/filing", "assisted-filing");
        visit("/family", "assisted-family");
        driver.findElement(By.id("assist-end")).click();
        Pages.waitForPath(driver, "/staff/assist");
        check("staff-assist-ended");
        noProblems();
    }

    @Test
    void aPaymentOperatorsPages() {
        driver.get(portalUrl("/"));
        driver.findElement(By.id("signin-staff")).click();
        new SandboxIssuerLoginPage(driver).signInAs("staff-lvliang", "");
        Pages.waitForPathStartingWith(driver, "/staff");
        check("operator-counter");
        visit("/staff/payments", "operator-payments");
        visit("/staff/payments?lang=en", "operator-payments-en");
        visit("/staff/filings?lang=zh-CN", "operator-error-403");
        noProblems();
    }

    // --- the checks --------------------------------------------------------------------------------------------

    private void visit(String path, String name) {
        driver.get(portalUrl(path));
        check(name);
    }

    /**
     * Every page is checked whole (axe, then the layout at both widths) and what is wrong is collected, so that one
     * run lists every problem of every page; {@link #noProblems()} ends each journey.
     */
    private void check(String name) {
        Pages.waitFor(driver).until(d -> "complete".equals(js("return document.readyState")));
        // Both widths emulated: a headless window is not always as narrow as it was asked to be.
        atWidth(412, () -> {
            assertThat(js("return window.innerWidth")).as("the viewport is 412 px wide").isEqualTo(412L);
            softly(() -> Accessibility.assertNoViolations(driver, name));
            checkLayout(name + " at 412 px");
            screenshot(name);
        });
        atWidth(320, () -> {
            assertThat(js("return window.innerWidth")).as("the viewport is 320 px wide").isEqualTo(320L);
            checkLayout(name + " at 320 px");
            screenshot(name + "-320");
        });
    }

    private final List<String> problems = new java.util.ArrayList<>();

    private void softly(Runnable check) {
        try {
            check.run();
        } catch (AssertionError problem) {
            System.err.println("AccessibilityJourney: " + problem.getMessage());
            problems.add(problem.getMessage());
        }
    }

    private void noProblems() {
        assertThat(problems).as("problems found on the pages").isEmpty();
    }

    private void checkLayout(String page) {
        softly(() -> assertThat(js(NO_OVERFLOW)).as("horizontal overflow on %s (%s)", page, driver.getCurrentUrl())
                .isNull());
        softly(() -> assertThat((List<?>) js(BROKEN_TOKENS)).as("tokens broken across lines on %s (%s)", page,
                driver.getCurrentUrl()).isEmpty());
        softly(() -> assertThat((List<?>) js(SMALL_TARGETS)).as("touch targets under 44 px on %s (%s)", page,
                driver.getCurrentUrl()).isEmpty());
    }

    private void atWidth(int width, Runnable checks) {
        ChromiumDriver chromium = (ChromiumDriver) driver;
        chromium.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                // Not "mobile": a mobile viewport widens itself to fit what overflows, hiding the overflow.
                Map.of("width", width, "height", 915, "deviceScaleFactor", 1, "mobile", false));
        try {
            checks.run();
        } finally {
            Browser.phoneSize((org.openqa.selenium.chrome.ChromeDriver) driver);
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Null when nothing is wider than the viewport; else what sticks out. */
    private static final String NO_OVERFLOW = """
            var se = document.scrollingElement, w = se.clientWidth;
            if (se.scrollWidth <= w) { return null; }
            var out = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.width > 0 && r.right > w + 0.5) {
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                  + ' right=' + Math.round(r.right));
              }
            });
            return 'scrollWidth ' + se.scrollWidth + ' > clientWidth ' + w + ': ' + out.slice(0, 8).join(', ');
            """;

    /**
     * Dates, times, amounts, masked ID numbers and order or prescription numbers shown on more than one line although
     * the block they are in is wide enough for them on one.
     */
    private static final String BROKEN_TOKENS = """
            var re = /\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}(?::\\d{2})?|\\d{3}\\*{2,}\\d{3}[\\dXx]|[A-Za-z]{0,4}\\d[\\dA-Za-z]{5,}|¥?\\d+(?:[.,]\\d+)*/g;
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            var broken = [];
            function block(node) {
              var e = node.parentElement;
              while (e && getComputedStyle(e).display.indexOf('inline') === 0) { e = e.parentElement; }
              return e;
            }
            for (var node = walker.nextNode(); node; node = walker.nextNode()) {
              var parent = node.parentElement, tag = parent ? parent.tagName : '';
              if (tag === 'SCRIPT' || tag === 'STYLE') { continue; }
              var folded = parent && parent.closest('details:not([open])');
              if (folded && !parent.closest('summary')) { continue; }
              var text = node.nodeValue, m;
              re.lastIndex = 0;
              while ((m = re.exec(text)) !== null) {
                var range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                var rects = Array.prototype.filter.call(range.getClientRects(), function (r) { return r.width > 0; });
                if (rects.length < 2) { continue; }
                var tops = {};
                rects.forEach(function (r) { tops[Math.round(r.top)] = true; });
                if (Object.keys(tops).length < 2) { continue; }
                var width = rects.reduce(function (sum, r) { return sum + r.width; }, 0);
                var container = block(node), style = getComputedStyle(container);
                var room = container.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                if (width <= room) {
                  broken.push('"' + m[0] + '" in ' + container.tagName.toLowerCase()
                    + (container.id ? '#' + container.id : '') + ' (' + Math.round(width) + ' px, room ' + Math.round(room) + ')');
                }
              }
            }
            return broken;
            """;

    /** The page's back link (the lone link that opens it) and the language links. */
    private static final String SMALL_TARGETS = """
            var small = [];
            document.querySelectorAll('.page > p:first-child > a:only-child, .languages a').forEach(function (a) {
              var r = a.getBoundingClientRect();
              if (r.width > 0 && r.height < 44) { small.push(a.textContent.trim() + ' ' + Math.round(r.height) + ' px'); }
            });
            return small;
            """;
}
