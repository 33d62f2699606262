package cn.yibao.portal.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The staff route table itself: one line per route, every staff-only line under a staff path. */
class StaffRoutesTest {

    @Test
    void eachRouteHasOneLine() {
        List<String> routes = StaffRoutes.ROUTES.stream().map(StaffRoutes.StaffRoute::route).toList();

        assertThat(routes).doesNotHaveDuplicates();
    }

    @Test
    void everyStaffOnlyLineLiesUnderAPathTheSecurityConfigurationClosesToEveryoneElse() {
        for (StaffRoutes.StaffRoute line : StaffRoutes.ROUTES) {
            boolean underStaffPath = line.path().equals("/staff") || line.path().startsWith("/staff/")
                    || line.path().startsWith("/api/v1/staff/") || line.path().startsWith("/api/v1/admin/")
                    || line.path().startsWith("/api/v1/assist/sessions");
            assertThat(underStaffPath).as("%s under a staff path", line.route()).isNotEqualTo(line.publicRoute());
        }
    }

    @Test
    void onlyTheStaffHomePageIsOpenToStaffWithoutARole() {
        assertThat(StaffRoutes.ROUTES.stream().filter(line -> line.role() == null).map(StaffRoutes.StaffRoute::route))
                .containsExactly("GET /staff");
    }
}
