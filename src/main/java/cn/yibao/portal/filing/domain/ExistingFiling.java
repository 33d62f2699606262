package cn.yibao.portal.filing.domain;

import cn.yibao.portal.filing.api.FilingType;
import java.time.LocalDate;
import java.util.UUID;

/** Another filing of the same insured person, as far as the rules need it. */
public record ExistingFiling(UUID id, FilingType type, FilingStatus status, LocalDate startDate, LocalDate endDate,
                             LocalDate effectiveOn) {
}
