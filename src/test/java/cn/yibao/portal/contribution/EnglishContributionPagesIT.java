package cn.yibao.portal.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contribution, calculator, policy-document and benefit pages in English say everything in English: the only
 * Chinese left is names and document references, each inside an element marked {@code lang="zh-CN"}; in Chinese they
 * read as before. (A crude reading of the HTML: elements marked zh-CN that hold only text are taken out, then every
 * text left must be free of Han characters and full-width punctuation.)
 */
class EnglishContributionPagesIT extends PortalIntegrationTest {

    private static final Pattern MARKED = Pattern.compile("<(\\w+)[^>]*\\blang=\"zh-CN\"[^>]*>[^<]*</\\1>");
    private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF01-\\uFF5E]+");

    /** Chinese text a reader of the English page would see outside lang="zh-CN", with some context. */
    static List<String> chineseOutsideZh(String html) {
        String body = html.substring(html.indexOf("<body"));
        String previous;
        do {
            previous = body;
            // A date or amount kept whole inside a marked name or quotation is part of it.
            body = body.replaceAll("<span class=\"num\">([^<]*)</span>", "$1");
            body = MARKED.matcher(body).replaceAll("");
        } while (!body.equals(previous));
        String text = body.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]+>", " ");
        List<String> found = new ArrayList<>();
        Matcher matcher = CHINESE.matcher(text);
        while (matcher.find()) {
            found.add(text.substring(Math.max(0, matcher.start() - 40), Math.min(text.length(), matcher.end() + 20))
                    .replaceAll("\\s+", " "));
        }
        return found;
    }

    private String publicPage(String path) {
        return portal.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    @Test
    void theCalculatorWithAQuoteAndARefusalIsEnglish() {
        String quote = publicPage("/contribution/calculator?lang=en&region=141121&year=2024&category=ADULT"
                + "&assistance=MINIMUM_LIVING&payDate=2023-10-15");
        assertThat(quote).contains("Amount due:", "Benefit period:", "lang=\"zh-CN\">文水县<");
        assertThat(chineseOutsideZh(quote)).isEmpty();

        String late = publicPage("/contribution/calculator?lang=en&region=141121&year=2024&payDate=2024-05-10");
        assertThat(late).contains("Cannot be paid:");
        assertThat(chineseOutsideZh(late)).isEmpty();

        String floor = publicPage("/contribution/calculator?lang=en&region=350100&year=2024&category=ADULT");
        assertThat(chineseOutsideZh(floor)).isEmpty();

        String refused = publicPage("/contribution/calculator?lang=en&region=141121&year=2024&grade=2");
        assertThat(refused).contains("The documents publish no contribution grades for");
        assertThat(chineseOutsideZh(refused)).isEmpty();

        String missingDate = publicPage("/contribution/calculator?lang=en&region=141121&year=2024&enrolment=NEWBORN");
        assertThat(missingDate).contains("Please enter the date of birth");
        assertThat(chineseOutsideZh(missingDate)).isEmpty();
    }

    @Test
    void thePolicyDocumentsAreListedWithTheirNamesMarkedChinese() {
        String page = publicPage("/policy/documents?lang=en");

        assertThat(chineseOutsideZh(page)).isEmpty();
        assertThat(page).contains("lang=\"zh-CN\">文医保发〔2023〕10号<");
    }

    @Test
    void myContributionAndMyBenefitsWithAnEstimateAreEnglish() {
        BrowserSession general = signIn.as("wenshui-general");
        for (String path : List.of("/contribution?lang=en&year=2024", "/contribution?lang=en&year=2023",
                "/benefits?lang=en&year=2024&expense=5000&setting=INPATIENT&level=SECONDARY&remote=UNFILED_TEMPORARY",
                "/benefits?lang=en&year=2024&expense=abc&setting=OUTPATIENT&level=PRIMARY&remote=NONE")) {
            String page = general.page(path);
            assertThat(chineseOutsideZh(page)).as(path).isEmpty();
        }
        String dibao = signIn.as("wenshui-dibao").page("/contribution?lang=en&year=2024");
        assertThat(dibao).contains("Amount due: 380");
        assertThat(chineseOutsideZh(dibao)).isEmpty();
    }

    @Test
    void theQuoteApiKeepsChineseUnlessEnglishIsAsked() {
        String chinese = publicPage("/api/v1/policy/quote?region=141121&year=2024&payDate=2023-10-15");
        // The API follows Accept-Language (pages follow ?lang and its cookie).
        String english = portal.get().uri("/api/v1/policy/quote?region=141121&year=2024&payDate=2023-10-15")
                .header("Accept-Language", "en").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();

        assertThat(chinese).contains("\"headline\":\"2024年度应缴 380 元\"");
        assertThat(english).contains("\"headline\":\"Due for 2024: 380 yuan\"");
    }
}
