package cn.yibao.portal.prescription.domain;

import cn.yibao.portal.prescription.api.Disease;
import java.time.LocalDate;
import java.util.UUID;

/** 两病认定: a facility found the person has the disease, which opens the outpatient-medication scheme to them. */
public record Qualification(String qualificationNo, UUID residentId, Disease disease, LocalDate qualifiedOn,
                            String facilityName, String facilityRegion) {
}
