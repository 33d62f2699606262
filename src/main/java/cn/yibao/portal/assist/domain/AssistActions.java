package cn.yibao.portal.assist.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an assisted request reads in the resident's "代办记录" and the audit rows: the label of its line in
 * {@link AssistRules}' route table (so a refused bind attempt reads "绑定家庭成员", not "查看家庭成员"), and the object
 * it touched.
 */
public final class AssistActions {

    private static final Pattern UUID_IN_PATH = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private AssistActions() {
    }

    /** The label of a request; one nobody named yet reads as its method and path. */
    public static String label(String method, String path) {
        return AssistRules.route(method, path).map(AssistRules.Route::label).orElse(method + " " + path);
    }

    /** The last id in the path (an order, a filing…), or null. */
    public static String objectId(String path) {
        Matcher matcher = UUID_IN_PATH.matcher(path);
        String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        return last;
    }
}
