package cn.yibao.portal.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Page objects for paying: the choose page, the confirmation, the sandbox cashier, the result and a receipt. */
final class PaymentFlow {

    private PaymentFlow() {
    }

    static final class ChoosePage {
        private final WebDriver driver;

        ChoosePage(WebDriver driver) {
            this.driver = driver;
            Pages.waitForPath(driver, "/payment/new");
        }

        /** Leaves only the people whose label contains one of these relation names ticked. */
        ChoosePage keepOnly(List<String> relations) {
            for (WebElement box : driver.findElements(By.cssSelector("input[name=insured]"))) {
                String label = box.findElement(By.xpath("..")).getText();
                boolean wanted = relations.stream().anyMatch(label::contains);
                if (box.isSelected() != wanted) {
                    box.click();
                }
            }
            return this;
        }

        ReviewPage next() {
            driver.findElement(By.id("payment-next")).click();
            return new ReviewPage(driver);
        }
    }

    static final class ReviewPage {
        private final WebDriver driver;

        ReviewPage(WebDriver driver) {
            this.driver = driver;
            Pages.waitForPath(driver, "/payment/review");
        }

        String totalYuan() {
            return driver.findElement(By.id("review-total")).getText();
        }

        CashierPage confirm() {
            driver.findElement(By.id("payment-confirm")).click();
            return new CashierPage(driver);
        }
    }

    static final class CashierPage {
        private final WebDriver driver;

        CashierPage(WebDriver driver) {
            this.driver = driver;
            Pages.waitFor(driver).until(d -> Pages.pathOf(d).startsWith("/sandbox-pay/cashier/"));
        }

        String amount() {
            return driver.findElement(By.id("cashier-amount")).getText();
        }

        /** Pays; the sandbox notifies the portal once, at once. */
        ResultPage pay() {
            driver.findElement(By.id("cashier-pay")).click();
            return new ResultPage(driver);
        }

        /** Pays, asking the sandbox to notify the portal late (so that the result page is first seen pending). */
        ResultPage payWithLateNotification() {
            driver.findElement(By.id("notify-LATE")).click();
            driver.findElement(By.id("cashier-pay")).click();
            return new ResultPage(driver);
        }
    }

    static final class ResultPage {
        private final WebDriver driver;

        ResultPage(WebDriver driver) {
            this.driver = driver;
            Pages.waitFor(driver).until(d -> Pages.pathOf(d).matches("/payment/[0-9a-f-]{36}"));
        }

        String status() {
            return driver.findElement(By.id("payment-status")).getText();
        }

        /** Waits for the page's own script to reload it with the final status. */
        ResultPage waitUntilStatus(String status) {
            Pages.waitFor(driver).withTimeout(java.time.Duration.ofSeconds(30))
                    .until(d -> status.equals(d.findElement(By.id("payment-status")).getText()));
            return this;
        }

        List<WebElement> receiptLinks() {
            return driver.findElements(By.cssSelector("#payment-receipts .receipt-link"));
        }
    }
}
