package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.policy.api.Citation;
import java.time.LocalDate;

/** From when two-disease medication is paid by the fund, with the document that says so. */
public record CoverageStart(LocalDate from, Citation citation, String regionName, String note) {
}
