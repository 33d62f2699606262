package cn.yibao.portal.support;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Made-up staff members for the sandbox staff issuer's claims field: a region and only the roles a test names, so
 * that a test can be a worker who lacks a role, or one of another region, without a demo account for each.
 */
public final class FreshStaff {

    private FreshStaff() {
    }

    /** Claims JSON for a staff member of {@code region} holding exactly {@code roles}. */
    public static String claims(String region, String... roles) {
        return claimsOf("S" + region + UUID.randomUUID().toString().substring(0, 6), region, roles);
    }

    public static String claimsOf(String staffId, String region, String... roles) {
        String roleList = List.of(roles).stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(","));
        return "{\"staff_id\":\"" + staffId + "\",\"name\":\"测试员\",\"admdvs\":\"" + region + "\",\"roles\":["
                + roleList + "],\"service_point\":\"测试服务点\"}";
    }

    /** A login name no demo account has: the issuer then gives only the claims typed in. */
    public static String login() {
        return "staff-test-" + UUID.randomUUID();
    }
}
