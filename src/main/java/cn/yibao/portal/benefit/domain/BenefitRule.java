package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.policy.domain.Citation;

/**
 * One thing a resident wants to know about their benefits, for display: a stable key, the care setting it belongs to
 * ({@code null} for general rules), a Chinese name and value, how binding it is, and where it comes from
 * ({@code citation} and {@code regionName} are {@code null} when unpublished; the note then says which levels were
 * searched).
 */
public record BenefitRule(String key, CareSetting setting, String name, Standing standing, String value,
                          Citation citation, String regionName, String note) {
}
