package cn.yibao.portal.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A staff member acts with a role they hold, on things of their region or places inside it, and on nothing else. */
class StaffPowersTest {

    private static final List<String> WENSHUI = List.of("141121", "141100", "140000", "000000");
    private static final List<String> WEIHAI = List.of("371000", "370000", "000000");

    @ParameterizedTest(name = "{0} with {1} for {2}, needing {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # staff region | roles held                  | the thing's region | role needed      | decision
            141121         | HELP_DESK                   | WENSHUI            | HELP_DESK        | Allowed
            141100         | HELP_DESK                   | WENSHUI            | HELP_DESK        | Allowed
            140000         | PAYMENT_OPERATOR            | WENSHUI            | PAYMENT_OPERATOR | Allowed
            000000         | AUDITOR                     | WEIHAI             | AUDITOR          | Allowed
            371000         | HELP_DESK PAYMENT_OPERATOR  | WENSHUI            | PAYMENT_OPERATOR | OtherRegion
            141121         | HELP_DESK                   | WEIHAI             | HELP_DESK        | OtherRegion
            141121         | HELP_DESK                   | UNKNOWN            | HELP_DESK        | OtherRegion
            141121         | AUDITOR                     | WENSHUI            | HELP_DESK        | MissingRole
            141121         | AUDITOR DATA_OPERATOR       | WENSHUI            | PAYMENT_OPERATOR | MissingRole
            371000         | AUDITOR                     | WENSHUI            | HELP_DESK        | MissingRole
            141121         |                             | NONE               | AUDITOR          | MissingRole
            141121         | AUDITOR                     | NONE               | AUDITOR          | Allowed
            """)
    void decides(String staffRegion, String roles, String thing, StaffRole needed, String decision) {
        StaffIdentity staff = new StaffIdentity("sub", "S1", "马丽", staffRegion,
                roles == null ? List.of() : Arrays.asList(roles.split(" ")), "服务点");
        List<String> path = switch (thing) {
            case "WENSHUI" -> WENSHUI;
            case "WEIHAI" -> WEIHAI;
            case "UNKNOWN" -> List.of();
            default -> null;
        };

        assertThat(StaffPowers.decide(staff, needed, path).getClass().getSimpleName()).isEqualTo(decision);
    }
}
