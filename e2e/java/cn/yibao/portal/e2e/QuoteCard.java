package cn.yibao.portal.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** One quote card: amount due, the formula, and the cited documents. */
public class QuoteCard {

    private final WebElement card;

    QuoteCard(WebElement card) {
        this.card = card;
    }

    public String dueYuan() {
        return card.findElement(By.cssSelector(".due-yuan")).getText().strip();
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
