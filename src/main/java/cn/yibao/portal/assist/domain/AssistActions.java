package cn.yibao.portal.assist.domain;

import cn.yibao.portal.shared.Phrase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an assisted request reads in the resident's "代办记录" and the audit rows: the code of its line in
 * {@link AssistRules}' route table (so a refused bind attempt reads "绑定家庭成员", not "查看家庭成员"), and the object
 * it touched. The rows keep codes, not sentences ({@code family.bind}, {@code refused family.bind},
 * {@code refused.because.assist.cannot.ended home}, {@code GET /somewhere} for a route nobody named), so the
 * record reads in the reader's language; rows written before then hold their Chinese sentence and read as written.
 */
public final class AssistActions {

    private static final Pattern UUID_IN_PATH = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern HTTP_METHOD = Pattern.compile("[A-Z]+");
    private static final String REFUSED = "refused";
    private static final String REFUSED_REGION = "refused.region";
    private static final String REFUSED_BECAUSE = "refused.because.";

    private AssistActions() {
    }

    /** The code of a request's line; one nobody named yet is its method and path. */
    public static String code(String method, String path) {
        return AssistRules.route(method, path).map(AssistRules.Route::label).orElse(method + " " + path);
    }

    /** The code of a request the route table refused. */
    public static String refused(String code) {
        return REFUSED + " " + code;
    }

    /** The code of a request for a resident outside the worker's region. */
    public static String refusedOutOfRegion(String code) {
        return REFUSED_REGION + " " + code;
    }

    /** The code of a request refused because the session cannot be acted in ({@link AssistRules#cannotActBecause}). */
    public static String refusedBecause(Phrase why, String code) {
        return REFUSED_BECAUSE + why.key() + " " + code;
    }

    /** How a request reads: {@code label(method, path)} is {@code said(code(method, path))}. */
    public static Phrase label(String method, String path) {
        return said(code(method, path));
    }

    /** The words for a recorded code. */
    public static Phrase said(String recorded) {
        if (recorded.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return Phrase.of("assist.action.recorded", recorded);
        }
        int space = recorded.indexOf(' ');
        String first = space < 0 ? recorded : recorded.substring(0, space);
        String rest = space < 0 ? "" : recorded.substring(space + 1);
        if (first.equals(REFUSED)) {
            return Phrase.of("assist.action.refused", said(rest));
        }
        if (first.equals(REFUSED_REGION)) {
            return Phrase.of("assist.action.refused.region", said(rest));
        }
        if (first.startsWith(REFUSED_BECAUSE)) {
            return Phrase.of("assist.action.refused.because", Phrase.of(first.substring(REFUSED_BECAUSE.length())),
                    said(rest));
        }
        if (space > 0 && HTTP_METHOD.matcher(first).matches()) {
            return Phrase.of("assist.action.route", first, rest);
        }
        return Phrase.of("assist.action." + recorded);
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
