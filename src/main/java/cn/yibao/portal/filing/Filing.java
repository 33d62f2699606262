package cn.yibao.portal.filing;

import cn.yibao.portal.filing.api.FilingType;
import cn.yibao.portal.filing.domain.ExistingFiling;
import cn.yibao.portal.filing.domain.FilingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A stored filing. */
public record Filing(UUID id, String number, UUID insuredId, UUID filedById, FilingType type, String destination,
                     LocalDate startDate, LocalDate endDate, String reason, boolean commitment,
                     LocalDate treatmentDate, FilingStatus status, LocalDate effectiveOn, String reviewRegion,
                     Instant createdAt, int version) {

    /** What the filing rules need to know of it. */
    public ExistingFiling asExisting() {
        return new ExistingFiling(id, type, status, startDate, endDate, effectiveOn);
    }
}
