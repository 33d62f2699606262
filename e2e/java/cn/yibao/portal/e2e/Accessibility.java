package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** axe-core on the page the browser shows: WCAG 2.2 A and AA, no violation allowed. */
final class Accessibility {

    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Accessibility() {
    }

    /** Fails naming each rule broken on the page, where, and why. */
    static void assertNoViolations(WebDriver driver, String page) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        assertThat(results.getViolations()).as("axe on %s (%s):%n%s", page, driver.getCurrentUrl(),
                describe(results.getViolations())).isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5)
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
