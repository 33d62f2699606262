package cn.yibao.portal.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.Household;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The household read shared by 我的缴费, its API, the page that chooses whom to pay for, the home page's summary and
 * 我的待遇: the payer first, then spouse, then child — whatever order they were bound in (this household bound the
 * child first).
 */
class HouseholdReadIT extends PortalIntegrationTest {

    private Household household;

    @BeforeEach
    void aHouseholdThatBoundTheChildBeforeTheSpouse() throws InterruptedException {
        household = Household.create(portal, signIn, database, "序");
    }

    @Test
    void theApiListsThePayerThenSpouseThenChildWithTheirStanding() {
        List<?> entries = portal.get().uri("/api/v1/contributions?year=2024")
                .headers(h -> h.setBearerAuth(household.owner.token())).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();

        assertThat(field(entries, "relation")).containsExactly("SELF", "SPOUSE", "CHILD");
        assertThat(field(entries, "personId")).containsExactly(
                household.owner.id().toString(), household.spouse.id().toString(), household.child.id().toString());
        assertThat(field(entries, "paymentStatus")).as("the order paid for all three").containsOnly("PAID");
        assertThat(field(entries, "standing")).containsOnly("PAID_HERE");
    }

    @Test
    void thePagesListTheHouseholdInTheSameOrder() {
        String mine = household.browser.page("/contribution?year=2024");
        assertThat(mine.indexOf("郝** · 配偶")).isPositive().isLessThan(mine.indexOf("序** · 子女"));
        assertThat(mine.indexOf("序** · 本人")).isPositive().isLessThan(mine.indexOf("郝** · 配偶"));

        String choose = household.browser.page("/payment/new?year=2024");
        String spouse = household.spouse.id().toString();
        String child = household.child.id().toString();
        assertThat(choose.indexOf(spouse)).isPositive().isLessThan(choose.indexOf(child));

        String home = household.browser.page("/home");
        assertThat(home.indexOf("home-person-" + spouse)).isPositive().isLessThan(home.indexOf("home-person-" + child));

        String benefits = household.browser.page("/benefits");
        assertThat(benefits).as("a bound minor's benefits may be seen").contains(child)
                .as("an adult spouse's may not").doesNotContain(spouse);
    }

    private static List<Object> field(List<?> entries, String name) {
        return entries.stream().map(entry -> (Object) ((Map<?, ?>) entry).get(name)).toList();
    }
}
