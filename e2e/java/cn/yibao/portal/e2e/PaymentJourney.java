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

class PaymentJourney extends PortalJourneyBase {

    @Test
    void wenshuiResidentPaysForSelfAndChildSeesConfirmingThenTheReceiptAndBothArePaid() throws Exception {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-general");
        driver.get(portalUrl("/contribution?year=2024"));
        driver.findElement(By.id("go-pay")).click();

        PaymentFlow.ReviewPage review = new PaymentFlow.ChoosePage(driver).keepOnly(List.of("本人", "子女")).next();
        screenshot("review");
        Accessibility.assertNoViolations(driver, "payment review");
        assertThat(review.totalYuan()).isEqualTo("760");

        PaymentFlow.CashierPage cashier = review.confirm();
        assertThat(cashier.amount()).isEqualTo("¥760.00");
        PaymentFlow.ResultPage result = cashier.payWithLateNotification();
        assertThat(result.status()).isEqualTo("确认中");
        screenshot("confirming");

        result.waitUntilStatus("已支付");
        screenshot("paid");
        assertThat(result.receiptLinks()).hasSize(2);

        result.receiptLinks().get(0).click();
        Pages.waitFor(driver).until(d -> Pages.pathOf(d).contains("/receipts/"));
        assertThat(driver.findElement(By.id("receipt-amount")).getText()).isEqualTo("380 元");
        screenshot("receipt");
        Accessibility.assertNoViolations(driver, "receipt");

        String pdfText = pdfText(driver.findElement(By.id("receipt-pdf")).getAttribute("href"));
        assertThat(pdfText).contains("电子缴费凭证", "380.00", "2024");

        driver.get(driver.findElement(By.id("receipt-verify")).getAttribute("href"));
        assertThat(driver.findElement(By.id("verification-result")).getText()).contains("✔ 有效", "缴费凭证");
        screenshot("receipt-verified");

        driver.get(portalUrl("/contribution?year=2024"));
        assertThat(driver.findElements(By.cssSelector(".paid-status"))).hasSize(2)
                .allSatisfy(paid -> assertThat(paid.getText()).contains("已缴费"));
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
