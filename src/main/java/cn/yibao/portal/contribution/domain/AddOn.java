package cn.yibao.portal.contribution.domain;

/** Optional, separately paid insurance offered alongside (never part of the amount due), e.g. accident cover. */
public record AddOn(String code, String name, long amountFen, String payee, String note) {
}
