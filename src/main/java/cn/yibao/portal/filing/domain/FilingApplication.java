package cn.yibao.portal.filing.domain;

import cn.yibao.portal.filing.api.FilingType;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A filing as asked for: the insured person's region path and the destination's (both county → national), the
 * period, the reason, whether the commitment letter was ticked, the treatment date for a filing after the fact
 * (补办), and which materials were uploaded.
 */
public record FilingApplication(FilingType type, List<String> insuredRegionPath, List<String> destinationPath,
                                LocalDate startDate, LocalDate endDate, String reason, boolean commitment,
                                LocalDate treatmentDate, Set<Material> materials) {

    public boolean afterTheFact() {
        return treatmentDate != null;
    }
}
