package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

class PaymentJourney extends PortalJourneyBase {

    @Test
    void wenshuiResidentPaysForSelfAndChildSeesPaidAtOnceThenTheReceiptsAndBothArePaid() throws Exception {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-general");
        driver.get(portalUrl("/contribution?year=2024"));
        driver.findElement(By.id("go-pay")).click();

        PaymentFlow.ReviewPage review = new PaymentFlow.ChoosePage(driver).keepOnly(List.of("本人", "子女")).next();
        screenshot("review");
        Accessibility.assertNoViolations(driver, "payment review");
        assertThat(review.totalYuan()).isEqualTo("760");
        assertThat(driver.findElement(By.cssSelector(".lines")).getText()).as("two 王** told apart")
                .contains("本人", "子女");

        PaymentFlow.CashierPage cashier = review.confirm();
        assertThat(cashier.amount()).isEqualTo("¥760.00");
        // The channel's notification comes late; back from the cashier the portal asks the channel itself.
        PaymentFlow.ResultPage result = cashier.payWithLateNotification();
        assertThat(result.status()).isEqualTo("已支付");
        screenshot("paid");
        Accessibility.assertNoViolations(driver, "payment result");
        assertThat(result.receiptLinks()).hasSize(2);
        assertThat(result.receiptLinks()).extracting(WebElement::getText)
                .anySatisfy(link -> assertThat(link).startsWith("王**（本人）的缴费凭证"))
                .anySatisfy(link -> assertThat(link).startsWith("王**（子女）的缴费凭证"));

        result.receiptLinks().get(0).click();
        Pages.waitFor(driver).until(d -> Pages.pathOf(d).contains("/receipts/"));
        assertThat(driver.findElement(By.id("receipt-amount")).getText()).isEqualTo("380 元");
        screenshot("receipt");
        Accessibility.assertNoViolations(driver, "receipt");

        String pdfText = pdfText(driver.findElement(By.id("receipt-pdf")).getAttribute("href"));
        assertThat(pdfText).contains("电子缴费凭证", "380.00", "2024");
        assertThat(driver.findElement(By.id("receipt-insured")).getText()).matches("王\\*+（(本人|子女)） 141\\*+\\d{3}[\\dX]");

        driver.get(driver.findElement(By.id("receipt-verify")).getAttribute("href"));
        assertThat(driver.findElement(By.id("verification-result")).getText()).contains("✔ 有效", "缴费凭证");
        screenshot("receipt-verified");

        driver.get(portalUrl("/contribution?year=2024"));
        List<String> standings = driver.findElements(By.cssSelector("#household-summary .standing")).stream()
                .map(WebElement::getText).toList();
        assertThat(standings).filteredOn(line -> line.contains("本人") || line.contains("子女")).hasSize(2)
                .allSatisfy(paid -> assertThat(paid).contains("已缴", "在本平台缴纳 380 元"));
        assertThat(standings).filteredOn(line -> line.contains("配偶")).singleElement().asString()
                .contains("待缴", "应缴 380 元");
        screenshot("my-contribution-after-paying");
        Accessibility.assertNoViolations(driver, "my contribution after paying");
    }

    /** Opens the PDF with the browser's session, as the browser's PDF viewer would. */
    private String pdfText(String url) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(Cookie::toString).map(c -> c.split(";")[0])
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/pdf"));
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
