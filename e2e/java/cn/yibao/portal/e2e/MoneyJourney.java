package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue #17, items 1–4, as residents meet them: the state after paying, the 2023 year paid at the tax bureau, the
 * home page of a household with one paid and two unpaid members, a payment cancelled at the cashier, and a refund seen
 * by the payer. The portal runs on a database of its own, so that the other journeys' payments do not show here.
 */
@TestPropertySource(properties = "portal.embedded-db.ephemeral-name=money-journey")
class MoneyJourney extends PortalJourneyBase {

    @Test
    void wenshuiGeneralPaysForHisSpouseAndTheHomePageAndMyContributionSayWhoIsPaidAndWhatIsDue() {
        HomePage home = LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-general");
        assertThat(home.householdDue()).isEqualTo("2024年度待缴 1140 元（3 人），请在 2023-12-25 前缴纳");
        assertThat(home.payAllLabel()).isEqualTo("一次缴清 1140 元");
        Accessibility.assertNoViolations(driver, "home with everyone due");

        driver.findElement(By.id("home-pay-all")).click();
        PaymentFlow.ReviewPage review = new PaymentFlow.ChoosePage(driver).keepOnly(List.of("配偶")).next();
        assertThat(driver.findElement(By.cssSelector(".lines")).getText()).contains("李**", "配偶");
        PaymentFlow.ResultPage result = review.confirm().pay();
        // Back from the cashier the portal has asked the channel: paid at once, no "确认中".
        assertThat(result.status()).isEqualTo("已支付");
        assertThat(driver.findElement(By.id("payment-what")).getText()).isEqualTo("已收到付款 380 元，下列人员的医保费已缴纳。");
        assertThat(driver.findElement(By.cssSelector(".people-status")).getText()).contains("李**（配偶）", "已缴费");
        assertThat(result.receiptLinks()).singleElement().extracting(WebElement::getText).asString()
                .startsWith("李**（配偶）的缴费凭证");
        screenshot("paid");
        Accessibility.assertNoViolations(driver, "payment result, paid");

        driver.get(portalUrl("/home"));
        home = new HomePage(driver);
        assertThat(home.householdDue()).isEqualTo("2024年度待缴 760 元（2 人），请在 2023-12-25 前缴纳");
        assertThat(home.payAllLabel()).isEqualTo("一次缴清 760 元");
        List<String> people = home.householdPeople();
        assertThat(people).hasSize(3);
        assertThat(people).filteredOn(line -> line.contains("配偶")).singleElement().asString()
                .contains("已参保", "已缴", "2024年度：2023-10-15 在本平台缴纳 380 元");
        assertThat(people).filteredOn(line -> line.contains("本人")).singleElement().asString()
                .contains("2023年度已缴费", "待缴", "2024年度：应缴 380 元，2023-12-25 前缴纳");
        screenshot("home-one-paid-two-due");
        Accessibility.assertNoViolations(driver, "home with one paid");

        driver.get(portalUrl("/contribution?year=2024"));
        assertThat(driver.findElement(By.id("summary-due")).getText()).isEqualTo("760");
        assertThat(standingOf("配偶")).contains("已缴", "2023-10-15 在本平台缴纳 380 元");
        assertThat(standingOf("本人")).contains("待缴", "应缴 380 元，2023-12-25 前缴纳");
        List<WebElement> folded = driver.findElements(By.cssSelector("details.person"));
        assertThat(folded).hasSize(3).noneMatch(details -> details.getAttribute("open") != null);
        screenshot("my-contribution-2024");
        Accessibility.assertNoViolations(driver, "my contribution 2024");
        long height = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
        assertThat(height).as("three people at phone width, details folded").isLessThan(2400);
    }

    @Test
    void the2023YearPaidAtTheTaxBureauSaysPaidWhereAndWhenForTheWholeFamily() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-general");
        driver.get(portalUrl("/contribution?year=2023"));

        assertThat(driver.findElement(By.id("summary-settled")).getText()).isEqualTo("全家本年度已缴费或无需缴费，不用再缴。");
        assertThat(standingOf("本人")).contains("已缴", "2022-11-18 在国家税务总局文水县税务局缴纳 350 元");
        assertThat(standingOf("子女")).contains("已缴", "2022-12-05 在国家税务总局文水县税务局缴纳 350 元");
        assertThat(driver.findElements(By.id("pay-all"))).isEmpty();
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("应缴", "能否补缴");
        screenshot("2023-paid-upstream");
        Accessibility.assertNoViolations(driver, "my contribution 2023, paid at the tax bureau");

        WebElement self = driver.findElements(By.cssSelector("details.person")).get(0);
        self.findElement(By.tagName("summary")).click();
        assertThat(self.getText()).contains("医保核心系统记录", "2023-01-01 至 2023-12-31", "不用再缴",
                "2023年度个人缴费金额（计算依据）");
        screenshot("2023-paid-upstream-details");
        Accessibility.assertNoViolations(driver, "my contribution 2023, details open");
    }

    @Test
    void aPaymentCancelledAtTheCashierIsClosedAtOnceWithWhatToDoNext() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-jiance");
        driver.get(portalUrl("/payment/new?year=2024"));
        PaymentFlow.CashierPage cashier = new PaymentFlow.ChoosePage(driver).next().confirm();
        driver.findElement(By.id("cashier-cancel")).click();
        PaymentFlow.ResultPage result = new PaymentFlow.ResultPage(driver);

        assertThat(result.status()).isEqualTo("已关闭（未支付）");
        assertThat(driver.findElement(By.id("payment-what")).getText()).contains("没有扣款");
        assertThat(driver.findElements(By.id("payment-continue"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("确认中");
        screenshot("cancelled");
        Accessibility.assertNoViolations(driver, "payment result, cancelled");
    }

    @Test
    void aRefundIsSeenByThePayerWithWhenWhyWhereTheMoneyGoesAndWhatToDoNext() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-dibao");
        driver.get(portalUrl("/payment/new?year=2024"));
        PaymentFlow.ResultPage paid = new PaymentFlow.ChoosePage(driver).next().confirm().pay();
        assertThat(paid.status()).isEqualTo("已支付");
        String orderNo = driver.findElement(By.id("payment-order-no")).getText();
        String resultUrl = driver.getCurrentUrl();

        WebDriver staff = Browser.start();
        try {
            staff.get(portalUrl("/"));
            staff.findElement(By.id("signin-staff")).click();
            new SandboxIssuerLoginPage(staff).signInAs("staff-lvliang", "");
            Pages.waitFor(staff).until(d -> Pages.pathOf(d).startsWith("/staff"));
            staff.get(portalUrl("/staff/payments"));
            staff.findElement(By.id("orderNo")).sendKeys(orderNo);
            staff.findElement(By.id("reason")).sendKeys("参保人已在务工地参加职工医保");
            staff.findElement(By.id("refund-submit")).click();
            Pages.waitFor(staff).until(d -> !d.findElements(By.id("refund-confirm")).isEmpty());
            staff.findElement(By.id("refund-confirm")).click();
            Pages.waitFor(staff).until(d -> !d.findElements(By.id("refund-outcome")).isEmpty());
        } finally {
            staff.quit();
        }

        driver.get(resultUrl);
        PaymentFlow.ResultPage refunded = new PaymentFlow.ResultPage(driver);
        assertThat(refunded.status()).isEqualTo("已退款");
        assertThat(driver.findElement(By.id("payment-what")).getText()).contains("已经退回");
        String refunds = driver.findElement(By.id("payment-refunds")).getText();
        assertThat(refunds).contains("退款 76 元", "刘**（本人）", "参保人已在务工地参加职工医保", "退款完成时间：2023-10-15",
                "原路退回", "不再享有", "重新缴费");
        screenshot("refunded");
        Accessibility.assertNoViolations(driver, "payment result, refunded");

        driver.get(portalUrl("/contribution?year=2024"));
        assertThat(standingOf("本人")).contains("已退款", "2023-10-15 已退回 76 元，本年度未参保");
        driver.findElement(By.cssSelector("details.person")).getAttribute("open");
        assertThat(driver.findElement(By.cssSelector("details.person")).getText())
                .contains("退款原因：参保人已在务工地参加职工医保", "如仍需参保，请在 2023-12-25 前重新缴纳 76 元");
        assertThat(driver.findElement(By.id("pay-all")).getText()).isEqualTo("一次缴清 76 元");
        screenshot("my-contribution-refunded");
        Accessibility.assertNoViolations(driver, "my contribution, refunded");

        driver.get(portalUrl("/payments"));
        assertThat(driver.findElement(By.cssSelector(".order-row")).getText()).contains("已退款", "刘**（本人）");
        screenshot("history-refunded");
        Accessibility.assertNoViolations(driver, "payment history");
    }

    /** The household summary's line of the person with this relation on 我的缴费. */
    private String standingOf(String relation) {
        return driver.findElements(By.cssSelector("#household-summary .standing")).stream().map(WebElement::getText)
                .filter(text -> text.contains("· " + relation)).findFirst().orElseThrow();
    }
}
