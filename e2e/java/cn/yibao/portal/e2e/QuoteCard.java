package cn.yibao.portal.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** One quote card: amount due (or a figure with its standing), the formula, and the cited documents. */
public class QuoteCard {

    private final WebElement card;

    QuoteCard(WebElement card) {
        this.card = card;
    }

    public String dueYuan() {
        return card.findElement(By.cssSelector(".due-yuan")).getText().strip();
    }

    /** "不低于", "人均", "全国标准" when the figure is not an exact local amount; empty for an amount due. */
    public String standing() {
        return card.findElements(By.cssSelector(".due-standing")).stream().map(WebElement::getText).findFirst()
                .orElse("").strip();
    }

    public String label() {
        return card.findElement(By.cssSelector(".due-label")).getText().strip();
    }

    /** Why this cannot be paid here, or empty when it can. */
    public String notPayable() {
        return card.findElements(By.cssSelector(".not-payable")).stream().map(WebElement::getText).findFirst()
                .orElse("").strip();
    }

    public String formula() {
        return card.findElement(By.cssSelector(".formula")).getText().strip();
    }

    public String heading() {
        return card.findElements(By.cssSelector(".quote-heading")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    public List<String> citations() {
        return card.findElements(By.cssSelector(".citation")).stream().map(WebElement::getText).toList();
    }
}
