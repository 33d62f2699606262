package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class ContributionJourney extends PortalJourneyBase {

    @Test
    void aVisitorLooksUpTheMinorsContributionInWeihaiWithoutSigningIn() {
        LandingPage landing = LandingPage.open(driver, portalUrl("/"));
        CalculatorPage calculator = CalculatorPage.openFromLanding(landing, driver);

        QuoteCard quote = calculator.choose("山东省 威海市", "2024年度", "未成年居民").calculate();
        screenshot("calculator-weihai-minor");

        assertThat(quote.dueYuan()).isEqualTo("300");
        assertThat(quote.citations()).anySatisfy(citation -> assertThat(citation).contains("威医保发〔2023〕38号"));
    }

    @Test
    void dibaoResidentSees76YuanDueWith304Assistance() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-dibao");
        driver.findElement(By.id("tile-contribution")).click();
        Pages.waitForPath(driver, "/contribution");
        screenshot("my-contribution-dibao");
        Accessibility.assertNoViolations(driver, "my contribution, dibao");
        assertThat(driver.findElement(By.id("household-summary")).getText()).as("the reason for assistance is visible")
                .contains("资助身份：低保对象，资助 304 元", "待缴合计（1 人）");

        List<WebElement> cards = driver.findElements(By.cssSelector(".person .quote"));
        assertThat(cards).hasSize(1);
        QuoteCard card = new QuoteCard(cards.get(0));
        assertThat(card.dueYuan()).isEqualTo("76");
        assertThat(card.formula()).contains("380", "304", "76");
        assertThat(card.citations()).anySatisfy(citation -> assertThat(citation).contains("文医保发〔2023〕10号"));
    }

    /** Issue #16, item 1: 闽医保〔2023〕78号 一 "不低于380" is a floor, never an amount the portal charges. */
    @Test
    void aFuzhouResidentSeesTheFloorNotAnAmountDueAndIsToldWhereToPay() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("fuzhou-general");
        driver.get(portalUrl("/contribution?year=2024"));
        screenshot("my-contribution-fuzhou-floor");

        QuoteCard card = new QuoteCard(driver.findElement(By.cssSelector(".person .quote")));
        assertThat(card.label()).isEqualTo("2024年度个人缴费标准");
        assertThat(card.standing()).isEqualTo("不低于");
        assertThat(card.dueYuan()).isEqualTo("380");
        assertThat(card.notPayable()).contains("不收取", "请通过参保地");
        assertThat(card.citations()).anySatisfy(citation -> assertThat(citation).contains("闽医保〔2023〕78号"));

        driver.findElement(By.id("go-pay")).click();
        Pages.waitForPath(driver, "/payment/new");
        screenshot("payment-fuzhou-nothing-to-pay");
        assertThat(driver.findElements(By.cssSelector("input[name=insured]"))).as("nobody to tick").isEmpty();
        assertThat(driver.findElement(By.cssSelector(".person-blocked")).getText()).contains("不收取");
    }

    @Test
    void anAdultIsBoundOnlyAfterAcceptingOnTheirOwnSignIn() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-jiance");
        FamilyPage inviter = FamilyPage.open(driver, portalUrl("/family")).bind("孙德明", "141121196809302318", "其他家庭成员");
        assertThat(inviter.outcome()).contains("已发出邀请");
        assertThat(inviter.memberLines()).singleElement().asString().contains("孙**", "等待对方确认");
        signOut();

        HomePage invitee = LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-fanpin");
        assertThat(driver.findElement(By.id("pending-invitations")).getText()).contains("1");
        FamilyPage answered = FamilyPage.open(driver, portalUrl("/family"));
        assertThat(answered.invitations()).singleElement().asString().contains("周**");
        answered = answered.acceptFirstInvitation();
        screenshot("family-accepted");
        assertThat(answered.outcome()).contains("已同意");
        signOut();

        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-jiance");
        driver.get(portalUrl("/contribution?year=2024"));
        // Two people: each folded under a summary that names them.
        assertThat(driver.findElements(By.cssSelector(".person .person-who")).stream().map(WebElement::getText).toList())
                .containsExactly("周** · 本人", "孙** · 其他家庭成员");
    }

    private void signOut() {
        driver.get(portalUrl("/home"));
        new HomePage(driver).signOut();
    }
}
