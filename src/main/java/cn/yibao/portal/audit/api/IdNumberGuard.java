package cn.yibao.portal.audit.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line against a full ID number in an audit row: anything shaped like a GB 11643 number (6-digit region,
 * a birth date from 1800 to 2099, 3-digit sequence, check character) is masked to the first 3 and last 4 characters,
 * the way the portal shows ID numbers. The check digit is not required to match: a mistyped number is personal too.
 */
final class IdNumberGuard {

    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<!\\d)\\d{6}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx](?![\\dXx])");

    private IdNumberGuard() {
    }

    static String masked(String text) {
        if (text == null || text.length() < 18) {
            return text;
        }
        Matcher matcher = ID_NUMBER.matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(
                match.group().substring(0, 3) + "*".repeat(11) + match.group().substring(14)));
    }
}
