package cn.yibao.portal.identity.domain.mip;

import java.util.Map;
import java.util.TreeMap;

/**
 * The string a channel signs: the fields sorted by name (ASCII order), empty ones left out, joined as
 * {@code k=v&k=v…}, then {@code &key=appSecret}.
 */
public final class SignString {

    private SignString() {
    }

    public static String of(Map<String, String> fields, String appSecret) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                text.append(text.isEmpty() ? "" : "&").append(name).append('=').append(value);
            }
        });
        return text.append("&key=").append(appSecret).toString();
    }
}
