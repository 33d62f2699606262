package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;

/** A data operator at the Wenshui desk uploads a batch file, reads what is wrong line by line, and re-imports a list. */
class UpstreamImportJourney extends PortalJourneyBase {

    @Test
    void theOperatorSeesEveryProblemWithItsLineAndAListAlreadyImportedChangesNothing(@TempDir Path files)
            throws Exception {
        Path broken = files.resolve("结算-10月.csv");
        Files.writeString(broken, String.join("\n",
                "settlementNo,certno,name,settledOn,setting,facilityName,facilityLevel,facilityRegion,remote,totalFen,"
                        + "inScopeFen,fundFen,criticalIllnessFen,assistanceFen,selfFen,prescriptionNo",
                "JS14112120231009000001,14112119750312121X,王建国,2023-10-09,OUTPATIENT,文水县凤城镇卫生院,PRIMARY,141121,"
                        + "NONE,3000,3000,1500,0,0,1500,",
                "JS14112120231009000002,141121197503121211,王建国,2023-10-09,OUTPATIENT,文水县凤城镇卫生院,PRIMARY,141121,"
                        + "NONE,3000,3000,1500,0,0,1400,",
                ""), StandardCharsets.UTF_8);

        StaffCounterPage.signIn(driver, portalUrl("/"), "staff-wenshui");
        driver.findElement(By.id("import-desk")).click();
        Pages.waitForPath(driver, "/staff/imports");
        new Select(driver.findElement(By.id("kind"))).selectByValue("settlements");
        driver.findElement(By.id("file")).sendKeys(broken.toAbsolutePath().toString());
        driver.findElement(By.id("import-submit")).click();
        Pages.waitFor(driver).until(d -> !d.findElements(By.id("import-problems")).isEmpty());
        screenshot("refused");

        assertThat(driver.findElement(By.id("import-message")).getText()).contains("整批未导入");
        assertThat(driver.findElement(By.id("import-counts")).getText()).contains("共 2 行", "没有保存任何内容");
        assertThat(driver.findElement(By.id("import-problems")).getText())
                .contains("第 3 行", "certno", "身份证号码校验位不正确", "totalFen", "应等于总费用")
                .doesNotContain("第 2 行");

        Path list = files.resolve("2023-09-10-assistance.csv");
        try (var demo = getClass().getResourceAsStream("/sandbox/upstream/2023-09-10-assistance.csv")) {
            Files.write(list, demo.readAllBytes());
        }
        new Select(driver.findElement(By.id("kind"))).selectByValue("assistance");
        driver.findElement(By.id("file")).sendKeys(list.toAbsolutePath().toString());
        driver.findElement(By.id("import-submit")).click();
        // The refused report stays on screen until the answer arrives: the element read may go stale under the wait.
        Pages.waitFor(driver).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("import-message")).getText().contains("没有任何变化"));
        screenshot("unchanged");

        assertThat(driver.findElement(By.id("import-counts")).getText()).contains("共 4 行", "未变 4");
        assertThat(driver.findElement(By.id("import-batches")).getText()).contains("最近导入的批次");
    }
}
