package cn.yibao.portal.identity.domain.mip;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The redirect to the NHSA authorization page: {@code bizType=04107} (online identity check), {@code cityCode},
 * {@code channel}, {@code orgChnlCrtfCodg}, {@code orgCodg}, {@code orgAppId}, {@code state} and the page to come
 * back to. The channel certificate code contains {@code /} and some hosts want it unencoded: {@link CodeEncoding}.
 */
public final class AuthorizationRequest {

    public static final String BIZ_TYPE = "04107";
    public static final String CHANNEL_CODE_PARAM = "orgChnlCrtfCodg";

    private AuthorizationRequest() {
    }

    /** How {@code orgChnlCrtfCodg} is written in the query. */
    public enum CodeEncoding {
        /** As it is, {@code /} and all (only characters that would break the query are encoded). */
        RAW,
        /** Percent-encoded like any other value ({@code /} becomes {@code %2F}). */
        ENCODED
    }

    public record Channel(String authorizeUrl, String cityCode, String channel, String orgChnlCrtfCodg, String orgCodg,
                          String orgAppId, CodeEncoding codeEncoding) {
    }

    public static String url(Channel channel, String state, String returnUrl) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("bizType", BIZ_TYPE);
        params.put("cityCode", channel.cityCode());
        params.put("channel", channel.channel());
        params.put(CHANNEL_CODE_PARAM, channel.orgChnlCrtfCodg());
        params.put("orgCodg", channel.orgCodg());
        params.put("orgAppId", channel.orgAppId());
        params.put("state", state);
        params.put("redirectUrl", returnUrl);
        StringBuilder url = new StringBuilder(channel.authorizeUrl());
        char separator = channel.authorizeUrl().contains("?") ? '&' : '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            String value = param.getKey().equals(CHANNEL_CODE_PARAM) && channel.codeEncoding() == CodeEncoding.RAW
                    ? raw(param.getValue()) : URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8);
            url.append(separator).append(param.getKey()).append('=').append(value);
            separator = '&';
        }
        return url.toString();
    }

    /** Encodes only what would end the value or change its meaning in a query; keeps {@code /} as it is. */
    private static String raw(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2F", "/").replace("%2f", "/");
    }

    /** Why a host refuses the channel certificate code of an authorization request. */
    public enum ChannelCodeProblem {
        MISSING, WRONG
    }

    /**
     * What a host that expects {@code expected} makes of the value as it appears in the raw query: {@code null} when
     * acceptable, else why not. A host that wants it raw does not decode it, so {@code %2F} is not the code.
     */
    public static ChannelCodeProblem channelCodeProblem(String rawQueryValue, String configuredCode,
                                                        CodeEncoding expected) {
        if (rawQueryValue == null || rawQueryValue.isEmpty()) {
            return ChannelCodeProblem.MISSING;
        }
        String seen = expected == CodeEncoding.RAW ? rawQueryValue
                : URLDecoder.decode(rawQueryValue, StandardCharsets.UTF_8);
        return seen.equals(configuredCode) ? null : ChannelCodeProblem.WRONG;
    }
}
