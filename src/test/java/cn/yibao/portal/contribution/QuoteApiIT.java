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
                                       Long subsidyYuan, boolean payable, String benefitStart, String benefitEnd) {
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
        assertThat(quote.get("benefitStart")).isEqualTo(benefitStart);
        assertThat(quote.get("benefitEnd")).isEqualTo(benefitEnd);
        assertThat((List<?>) quote.get("citations")).anySatisfy(citation ->
                assertThat(((Map<?, ?>) citation).get("document")).isEqualTo(document));
        assertThat(((Map<?, ?>) quote.get("region")).get("code")).isEqualTo(region);
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            region=141121&year=20x4                          | year
            year=2024                                        | region
            region=14112&year=2024                           | region
            region=141121&year=2024&category=ELDER           | category
            region=141121&year=2024&assistance=RICH          | assistance
            region=141121&year=2024&grade=2                  | grade
            region=371000&year=2024&grade=3                  | grade
            region=371000&year=2024&category=MINOR&grade=2   | grade
            region=141121&year=2024&enrolment=LEFT_OTHER_SCHEME | leftOn
            region=141121&year=2024&enrolment=MOVED_IN       | movedOn
            region=141121&year=2024&payDate=2023-13-01       | payDate
            region=141121&year=2024&newStudent=maybe         | newStudent
            """)
    void malformedParametersAreRefusedNamingTheParameter(String query, String parameter) {
        portal.get().uri("/api/v1/policy/quote?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.parameter").isEqualTo(parameter)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).isNotBlank());
    }

    @ParameterizedTest(name = "{0} → 404")
    @CsvSource({"region=999999&year=2024", "region=141121&year=2030"})
    void unknownRegionsAndYearsWithoutPolicyAre404(String query) {
        portal.get().uri("/api/v1/policy/quote?" + query).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @org.junit.jupiter.api.Test
    void assistedGroupsOutsideWenshuiSayTheFigureIsUnpublished() {
        portal.get().uri("/api/v1/policy/quote?region=210100&year=2024&assistance=MINIMUM_LIVING").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.assistanceFen").isEqualTo(0)
                .jsonPath("$.dueFen").isEqualTo(38000)
                .jsonPath("$.notes").value(notes -> assertThat(notes.toString()).contains("未公布低保对象的资助参保标准"));
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
