package cn.yibao.portal.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriBuilder;

/** The same published figures as ContributionFiguresTest, through GET /api/v1/policy/quote; and its refusals. */
class QuoteApiIT extends PortalIntegrationTest {

    @ParameterizedTest(name = "{0}: {1} {2} {3} {4} → due {12}")
    @CsvFileSource(resources = "/policy/contribution-figures.csv", numLinesToSkip = 1)
    void theApiGivesThePublishedFigure(String document, String region, int year, String category, String assistance,
                                       String grade, String newStudent, String enrolment, String eventDate,
                                       String payDate, long standardYuan, long assistanceYuan, long dueYuan,
                                       Long subsidyYuan, boolean payable, String benefitStart, String benefitEnd,
                                       String dueStanding) {
        String eventParameter = switch (enrolment) {
            case "LEFT_OTHER_SCHEME" -> "leftOn";
            case "MOVED_IN" -> "movedOn";
            case "NEWBORN" -> "birthDate";
            default -> null;
        };
        Map<?, ?> quote = portal.get().uri(uri -> {
                    UriBuilder builder = uri.path("/api/v1/policy/quote").queryParam("region", region)
                            .queryParam("year", year).queryParam("category", category)
                            .queryParam("assistance", assistance).queryParam("newStudent", newStudent)
                            .queryParam("enrolment", enrolment).queryParam("payDate", payDate);
                    if (grade != null) {
                        builder.queryParam("grade", grade);
                    }
                    if (eventParameter != null) {
                        builder.queryParam(eventParameter, eventDate);
                    }
                    return builder.build();
                })
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(((Number) quote.get("standardFen")).longValue()).isEqualTo(standardYuan * 100);
        assertThat(((Number) quote.get("assistanceFen")).longValue()).isEqualTo(assistanceYuan * 100);
        assertThat(((Number) quote.get("dueFen")).longValue()).isEqualTo(dueYuan * 100);
        assertThat(quote.get("fiscalSubsidyFen") == null ? null : ((Number) quote.get("fiscalSubsidyFen")).longValue())
                .isEqualTo(subsidyYuan == null ? null : subsidyYuan * 100);
        assertThat(quote.get("payable")).isEqualTo(payable);
        assertThat(quote.get("dueStanding")).isEqualTo(dueStanding);
        assertThat(quote.get("benefitStart")).isEqualTo(benefitStart);
        assertThat(quote.get("benefitEnd")).isEqualTo(benefitEnd);
        assertThat((List<?>) quote.get("citations")).anySatisfy(citation ->
                assertThat(((Map<?, ?>) citation).get("document")).isEqualTo(document));
        assertThat(((Map<?, ?>) quote.get("region")).get("code")).isEqualTo(region);
    }

    /** Issue #16, item 5 among them: the newborn route refuses an older child or an adult (文医保发〔2023〕10号 一（三）). */
    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            region=141121&year=20x4                          | year |
            year=2024                                        | region |
            region=14112&year=2024                           | region |
            region=141121&year=2024&category=ELDER           | category |
            region=141121&year=2024&assistance=RICH          | assistance |
            region=141121&year=2024&grade=2                  | grade |
            region=371000&year=2024&grade=3                  | grade |
            region=371000&year=2024&category=MINOR&grade=2   | grade |
            region=141121&year=2024&enrolment=LEFT_OTHER_SCHEME | leftOn |
            region=141121&year=2024&enrolment=MOVED_IN       | movedOn |
            region=141121&year=2024&payDate=2023-13-01       | payDate |
            region=141121&year=2024&newStudent=maybe         | newStudent |
            region=141121&year=2024&category=MINOR&enrolment=NEWBORN&birthDate=2019-05-01&payDate=2024-03-01 | birthDate | 新生儿
            region=141121&year=2024&category=ADULT&enrolment=NEWBORN&birthDate=2024-02-01&payDate=2024-03-01 | category  | 新生儿
            region=371000&year=2023&category=ADULT&newStudent=true | newStudent | 高校学生
            """)
    void malformedParametersAreRefusedNamingTheParameter(String query, String parameter, String mentions) {
        portal.get().uri("/api/v1/policy/quote?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field").isEqualTo(parameter)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).isNotBlank()
                        .contains(mentions == null ? "" : mentions));
    }

    @ParameterizedTest(name = "{0} → 404")
    @CsvSource({"region=999999&year=2024", "region=141121&year=2030"})
    void unknownRegionsAndYearsWithoutPolicyAre404(String query) {
        portal.get().uri("/api/v1/policy/quote?" + query).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /**
     * Issue #16, items 1 and 9: a floor, an average or a national figure is shown with its standing in the headline and
     * is not payable; so is any quote where the portal does not serve the region or no collection window is published.
     * Only 文水县 2024 in its window (文医保发〔2023〕10号 一) is an amount to pay here.
     */
    @ParameterizedTest(name = "{0} {1}年度 {2} → {3}, payable {4}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            350100 | 2024 | ADULT |   | MINIMUM                | false | 2024年度个人缴费标准不低于 380 元
            370200 | 2024 | ADULT |   | AVERAGE                | false | 2024年度个人缴费标准人均 380 元
            110101 | 2024 | ADULT |   | NATIONAL_STANDARD      | false | 2024年度全国个人缴费标准 380 元
            210100 | 2023 | MINOR |   | NATIONAL_STANDARD      | false | 2023年度全国个人缴费标准 350 元
            371000 | 2024 | ADULT | 2 | EXACT                  | false | 2024年度应缴 650 元
            210100 | 2024 | ADULT |   | EXACT                  | false | 2024年度应缴 380 元
            141121 | 2024 | ADULT |   | EXACT                  | true  | 2024年度应缴 380 元
            """)
    void theHeadlineGivesTheFiguresStandingAndOnlyAnExactAmountInAPublishedWindowIsPayable(
            String region, int year, String category, Integer grade, String standing, boolean payable,
            String headline) {
        portal.get().uri("/api/v1/policy/quote?region=" + region + "&year=" + year + "&category=" + category
                        + (grade == null ? "" : "&grade=" + grade) + "&payDate=" + (year - 1) + "-10-15")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.dueStanding").isEqualTo(standing)
                .jsonPath("$.payable").isEqualTo(payable)
                .jsonPath("$.headline").value(text -> assertThat((String) text).startsWith(headline))
                .jsonPath("$.whereToPay").value(text -> {
                    if (payable) {
                        assertThat(text).isNull();
                    } else {
                        assertThat((String) text).contains("请通过参保地");
                    }
                });
    }

    @org.junit.jupiter.api.Test
    void assistedGroupsOutsideWenshuiSayTheFigureIsUnpublished() {
        portal.get().uri("/api/v1/policy/quote?region=210100&year=2024&assistance=MINIMUM_LIVING").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.assistanceFen").isEqualTo(0)
                .jsonPath("$.dueFen").isEqualTo(38000)
                .jsonPath("$.dueStanding").isEqualTo("ASSISTANCE_UNPUBLISHED")
                .jsonPath("$.payable").isEqualTo(false)
                .jsonPath("$.notes").value(notes -> assertThat(notes.toString())
                        .contains("未公布2024年度低保对象的资助参保标准", "优化分类资助参保政策"));
    }

    @org.junit.jupiter.api.Test
    void theAccidentInsuranceIsAnOptionalAddOnWithItsOwnPayeeNeverInTheAmountDue() {
        portal.get().uri("/api/v1/policy/quote?region=141121&year=2024").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.dueFen").isEqualTo(38000)
                .jsonPath("$.optionalAddOns[0].code").isEqualTo("ACCIDENT_INSURANCE")
                .jsonPath("$.optionalAddOns[0].amountFen").isEqualTo(3000)
                .jsonPath("$.optionalAddOns[0].payee").isEqualTo("中国人寿文水支公司")
                .jsonPath("$.collectionWindow.start").isEqualTo("2023-09-01")
                .jsonPath("$.collectionWindow.end").isEqualTo("2023-12-25");
    }

    @org.junit.jupiter.api.Test
    void supportedRegionsAreListedWithTheirParents() {
        portal.get().uri("/api/v1/regions").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.code == '141121')].name").isEqualTo("文水县")
                .jsonPath("$[?(@.code == '371000')].parentCode").isEqualTo("370000")
                .jsonPath("$[?(@.code == '110101')]").isEmpty();
    }
}
