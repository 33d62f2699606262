package cn.yibao.portal.contribution.domain;

import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import cn.yibao.portal.shared.Region;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the contribution rule needs. {@code regionPath} is the insured region and its ancestors up to
 * national; {@code eventDate} is the day of leaving the other scheme, moving in, or birth, for those enrolments.
 */
public record QuoteRequest(List<Region> regionPath, int benefitYear, Category category, AssistanceStatus assistance,
                           Integer grade, boolean newStudent, LocalDate payDate, Enrolment enrolment,
                           LocalDate eventDate) {

    public Region region() {
        return regionPath.get(0);
    }

    public List<String> regionCodes() {
        return regionPath.stream().map(Region::code).toList();
    }
}
