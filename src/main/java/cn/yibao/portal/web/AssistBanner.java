package cn.yibao.portal.web;

import java.util.UUID;

/**
 * "正在为 张* 代办 — 工作人员 X，剩余 NN 分钟": put on the exchange by the assisted-session gate; every page shows it.
 */
public record AssistBanner(UUID sessionId, String residentName, String staffName, long minutesLeft) {

    public static final String ATTRIBUTE = "portal.assist.banner";
}
