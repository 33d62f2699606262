package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.FreshResidents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #17, items 5–9 and the destination picker, as residents meet them at phone size: nothing typed is lost on a
 * mistake or a big photo, what people really type is accepted, irreversible acts ask first, links survive sign-in,
 * and a 医保码 seen by the public is not called invalid.
 */
class ResidentFormsJourney extends PortalJourneyBase {

    private static final String WENSHUI = "141121";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DatabaseClient database;

    private void signIn(String login, String claims) {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs(login, claims);
        Pages.waitForPath(driver, "/home");
    }

    private void signOut() {
        driver.get(portalUrl("/home"));
        new HomePage(driver).signOut();
    }

    private static Path jpeg(String name, int bytes) throws IOException {
        byte[] content = new byte[bytes];
        Arrays.fill(content, (byte) 7);
        content[0] = (byte) 0xFF;
        content[1] = (byte) 0xD8;
        content[2] = (byte) 0xFF;
        Path directory = Files.createDirectories(Path.of("target", "e2e-uploads"));
        return Files.write(directory.resolve(name), content).toAbsolutePath();
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    @Test
    void aFilingWithATooLargePhotoKeepsEverythingTypedWhetherThePageOrTheServerRefusesIt() throws IOException {
        signIn("forms-filing-" + UUID.randomUUID(), FreshResidents.adultIn(WENSHUI, "董桂芳"));
        FilingPages filing = FilingPages.openFromHome(driver);
        driver.findElement(By.id("new-filing")).click();
        driver.findElement(By.cssSelector("#type-LONG_TERM_RESIDENCE a.choose-type")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-form")));

        // Province first: the city list then holds only that province's cities.
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("province"))).selectByVisibleText("福建省");
        assertThat(filing.citiesOffered()).contains("福州市", "厦门市").doesNotContain("杭州市", "北京市");
        screenshot("destination-province-then-city");
        Accessibility.assertNoViolations(driver, "filing form (province chosen)");
        filing.chooseDestination("福建省 福州市");
        driver.findElement(By.id("reason")).sendKeys("随女儿在福州长期居住");
        driver.findElement(By.id("to-summary")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-form")));

        // A 6 MB photo: refused in the page, next to its field, before anything is sent.
        WebElement proof = driver.findElement(By.id("material_RESIDENCE_PROOF"));
        proof.sendKeys(jpeg("居住证明-大.jpg", 6 * 1024 * 1024).toString());
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("material_RESIDENCE_PROOF-error")));
        assertThat(text("material_RESIDENCE_PROOF-error")).contains("居住证明-大.jpg", "5 MB", "您填写的内容都还在");
        assertThat(proof.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(proof.getAttribute("aria-describedby")).startsWith("material_RESIDENCE_PROOF-error");
        assertThat(Pages.pathOf(driver)).isEqualTo("/filing/review");
        screenshot("too-large-refused-in-the-page");
        Accessibility.assertNoViolations(driver, "filing summary, file too large (in the page)");

        // Where the page's check cannot run, the server refuses an 11 MB photo and brings the same summary back.
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('submit-form').setAttribute('data-max-bytes', '0')");
        proof.sendKeys(jpeg("居住证明-很大.jpg", 11 * 1024 * 1024).toString());
        driver.findElement(By.id("submit-filing")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("materials-error")));
        assertThat(driver.getCurrentUrl()).endsWith("/filing/review?upload=too-large");
        assertThat(text("materials-error")).contains("5 MB", "您填写的内容都还在");
        assertThat(text("summary-destination")).isEqualTo("福建省福州市");
        assertThat(text("summary-reason")).isEqualTo("随女儿在福州长期居住");
        screenshot("too-large-refused-by-the-server");
        Accessibility.assertNoViolations(driver, "filing summary, file too large (server)");

        // Back to the first step: everything as typed, the pair shown as chosen.
        driver.findElement(By.id("edit-filing")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-form")));
        assertThat(driver.findElement(By.id("reason")).getAttribute("value")).isEqualTo("随女儿在福州长期居住");
        assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("destination")))
                .getFirstSelectedOption().getText()).isEqualTo("福州市");
        driver.findElement(By.id("to-summary")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-form")));

        driver.findElement(By.id("material_RESIDENCE_PROOF")).sendKeys(jpeg("居住证明.jpg", 40 * 1024).toString());
        new FilingPages(driver).submit();
        assertThat(new FilingPages(driver).status()).isEqualTo("已生效");
    }

    @Test
    void aTemporaryFilingIsCancelledOnlyAfterSayingWhatHappens() {
        signIn("forms-cancel-" + UUID.randomUUID(), FreshResidents.adultIn(WENSHUI, "申晓红"));
        FilingPages filing = FilingPages.openFromHome(driver).fileForSelf("OTHER_TEMPORARY", "浙江省 杭州市", "探亲").submit();
        assertThat(filing.status()).isEqualTo("已生效");

        String confirmation = filing.askToCancel();
        assertThat(confirmation).contains("确定取消这份备案吗", "立即失效", "按未备案处理", "不能撤销");
        screenshot("cancel-confirmation");
        Accessibility.assertNoViolations(driver, "filing cancel confirmation");
        driver.findElement(By.id("cancel-keep")).click();
        assertThat(new FilingPages(driver).status()).as("keeping it changes nothing").isEqualTo("已生效");

        filing.askToCancel();
        filing.confirmCancel();
        assertThat(filing.status()).isEqualTo("已取消");
        screenshot("cancelled");
        Accessibility.assertNoViolations(driver, "filing cancelled");
    }

    @Test
    void aParentBindsAChildAfterAMistypedNumberWithTheNumberGroupedBySpacesThenUnbindsAndUndoes() {
        String childClaims = FreshResidents.claims(WENSHUI, "20160301", "褚小禾");
        String parentClaims = FreshResidents.adultIn(WENSHUI, "褚建平");
        signIn("forms-child-" + UUID.randomUUID(), childClaims);
        signOut();
        signIn("forms-parent-" + UUID.randomUUID(), parentClaims);
        sameHousehold(parentClaims, childClaims);
        String certno = JSON.readTree(childClaims).get("certno").asString();

        // One digit short, as happens on a phone keyboard.
        String mistyped = certno.substring(0, 6) + " " + certno.substring(6, 14) + " " + certno.substring(15);
        FamilyPage family = FamilyPage.open(driver, portalUrl("/family")).bind("褚小禾", mistyped, "子女");
        assertThat(family.outcome()).contains("应为18位", "您输入了 17 位");
        assertThat(family.typed("certno")).isEqualTo(mistyped);
        assertThat(family.typed("name")).isEqualTo("褚小禾");
        assertThat(family.marked("certno")).isTrue();
        assertThat(family.marked("name")).isFalse();
        assertThat(family.describedBy("certno")).contains("应为18位");
        screenshot("bind-mistyped");
        Accessibility.assertNoViolations(driver, "family, ID number mistyped");

        String grouped = certno.substring(0, 6) + " " + certno.substring(6, 14) + " " + certno.substring(14);
        family = family.retype("certno", grouped);
        assertThat(family.outcome()).contains("已绑定");
        assertThat(family.memberLines()).anySatisfy(line -> assertThat(line).contains("褚*", "子女"));
        screenshot("bound");

        String confirmation = family.askToUnbindFirstMember();
        assertThat(confirmation).contains("确定解除与", "不能再查看", "不受影响", "可以撤销");
        screenshot("unbind-confirmation");
        Accessibility.assertNoViolations(driver, "unbind confirmation");
        family = family.confirmUnbind();
        assertThat(family.outcome()).contains("已解除绑定");
        assertThat(family.memberLines()).isEmpty();
        screenshot("unbound-with-undo");
        Accessibility.assertNoViolations(driver, "family after unbinding, with undo");

        family = family.undo();
        assertThat(family.outcome()).contains("已恢复绑定");
        assertThat(family.memberLines()).anySatisfy(line -> assertThat(line).contains("褚*"));
    }

    @Test
    void anEstimateTypedAs5000YuanIsEstimatedAndFiveThousandInWordsIsMarkedNextToTheField() {
        signIn("forms-estimate-" + UUID.randomUUID(), FreshResidents.adultIn(WENSHUI, "晏国庆"));
        driver.get(portalUrl("/benefits?year=2024"));
        BenefitsPage benefits = new BenefitsPage(driver).estimate("5000元", "住院", "二级医疗机构", "参保地就医");
        assertThat(benefits.estimateSteps()).contains("5000");
        assertThat(driver.findElement(By.id("expense")).getAttribute("value")).isEqualTo("5000元");
        screenshot("estimate-5000-yuan");
        Accessibility.assertNoViolations(driver, "benefits, estimate typed as 5000元");

        var expense = driver.findElement(By.id("expense"));
        expense.clear();
        expense.sendKeys("五千");
        driver.findElement(By.id("estimate-submit")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("expense-error")));
        assertThat(driver.findElement(By.id("expense")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("expense")).getAttribute("value")).isEqualTo("五千");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('estimate').scrollIntoView()");
        screenshot("estimate-refused");
        Accessibility.assertNoViolations(driver, "benefits, amount refused");
    }

    @Test
    void aReminderLinkOpensTheBenefitsOf2024AfterSignInAndAnExpiredFormComesBackToItsPage() {
        String login = "forms-deep-" + UUID.randomUUID();
        String claims = FreshResidents.adultIn(WENSHUI, "蓝志明");
        driver.get(portalUrl("/benefits?year=2024"));
        Pages.waitForPath(driver, "/");
        assertThat(text("landing-info")).contains("请先", "登录后会回到您刚才要打开的页面");
        screenshot("deep-link-sign-in");
        Accessibility.assertNoViolations(driver, "landing page asked to sign in for a deep link");
        new LandingPage(driver).signInWithEvoucher().signInAs(login, claims);
        Pages.waitForPath(driver, "/benefits");
        assertThat(driver.getCurrentUrl()).endsWith("/benefits?year=2024");
        assertThat(new BenefitsPage(driver).selectedYear()).contains("2024");

        // The session runs out while the family form is open; sending it asks for sign-in and comes back to it.
        FamilyPage.open(driver, portalUrl("/family"));
        driver.findElement(By.id("name")).sendKeys("某某");
        driver.manage().deleteCookieNamed("PORTAL_SESSION");
        driver.findElement(By.id("bind")).click();
        Pages.waitForPath(driver, "/");
        assertThat(text("landing-info")).contains("登录已超时");
        screenshot("session-expired");
        Accessibility.assertNoViolations(driver, "landing page after the session expired");
        // The e-voucher asks for the resident's authorisation again; then back to the form's page.
        new LandingPage(driver).signInWithEvoucher().signInAs(login, claims);
        Pages.waitForPath(driver, "/family");
        FamilyPage family = new FamilyPage(driver);
        assertThat(family.typed("name")).as("what was typed is back").isEqualTo("某某");
        assertThat(text("form-restored")).contains("已恢复");
        screenshot("expired-form-restored");
        Accessibility.assertNoViolations(driver, "family form restored after sign-in");
    }

    @Test
    void aPersonalCodeOnThePublicVerifyPageIsForStaffToCheckNotInvalid() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-tekun");
        String token = ResidentCodePage.openFromHome(driver).token();
        signOut();

        driver.get(portalUrl("/verify?t=" + token));
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-result")));
        String result = text("verification-result");
        assertThat(result).contains("此码需由医保经办工作人员核验", "不表示二维码无效").doesNotContain("无效：", "✘");
        assertThat(driver.findElement(By.id("verification-result")).getAttribute("class"))
                .contains("result-staff-only").doesNotContain("result-invalid");
        screenshot("verify-resident-code-public");
        Accessibility.assertNoViolations(driver, "public verify page, resident code");

        driver.findElement(By.id("verify-staff-signin")).click();
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-staff-first")));
        driver.findElement(By.id("signin-staff-first")).click();
        new SandboxIssuerLoginPage(driver).signInAs("staff-wenshui", "");
        Pages.waitForPath(driver, "/verify");
        Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-result")));
        assertThat(text("verification-result")).contains("有效");
        screenshot("verify-resident-code-staff");
    }

    private void sameHousehold(String adultClaims, String minorClaims) {
        UUID household = UUID.randomUUID();
        database.sql("insert into household (id, region_code, created_at) values (:id, :region, :now)")
                .bind("id", household).bind("region", WENSHUI).bind("now", Instant.now()).then().block();
        database.sql("update resident set household_id = :h where psn_no in (:a, :b)")
                .bind("h", household)
                .bind("a", "T" + JSON.readTree(adultClaims).get("certno").asString())
                .bind("b", "T" + JSON.readTree(minorClaims).get("certno").asString()).then().block();
    }
}
