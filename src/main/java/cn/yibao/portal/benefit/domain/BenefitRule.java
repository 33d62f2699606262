package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.shared.Phrase;

/**
 * One thing a resident wants to know about their benefits, for display: a stable key, the care setting it belongs to
 * ({@code null} for general rules), a name and a value (phrases), how binding it is, and where it comes from
 * ({@code citation} and {@code regionName} are {@code null} when unpublished; the note then says which levels were
 * searched).
 *
 * <p>Keys, per setting {@code S} in INPATIENT, OUTPATIENT, TWO_DISEASE: {@code S_RATIO} and {@code S_DEDUCTIBLE}
 * (or {@code S_RATIO_PRIMARY}, {@code S_RATIO_SECONDARY_TERTIARY}… where a document distinguishes facility
 * levels), {@code S_ANNUAL_CAP}; always present. Shown only where a document says something (this year, or as a
 * later goal year): {@code THREE_TIER_INPATIENT_RATIO}, {@code TWO_DISEASE_COVERAGE_FROM}, {@code LONG_PRESCRIPTION},
 * {@code CHRONIC_MEDICATION_EXTENSION} (setting TWO_DISEASE: the two-disease medication scheme extended to
 * further diseases), {@code OUTPATIENT_CHRONIC_DISEASES} (门诊慢特病 cover for named diseases),
 * {@code OUTPATIENT_CHRONIC_RATIO}, {@code CRITICAL_ILLNESS},
 * {@code REMOTE_DISEASES_CROSS_PROVINCE}, {@code REMOTE_DISEASES_IN_PROVINCE}; one {@code REMOTE_REDUCTION_<filing
 * type>} per remote reduction passed in.
 */
public record BenefitRule(String key, CareSetting setting, Phrase name, Standing standing, Phrase value,
                          Citation citation, String regionName, Phrase note) {
}
