package cn.yibao.portal.resident.api;

import cn.yibao.portal.shared.PersonalDataMasks;
import java.time.LocalDate;
import java.util.UUID;

/** An insured resident as the portal keeps them. The full ID number is not part of this record. */
public record Resident(UUID id, String name, String maskedCertno, LocalDate birthDate, String psnNo,
                       String insuredRegionCode, Category category, AssistanceStatus assistance, UUID householdId,
                       LocalDate enrolledOn) {

    public String maskedName() {
        return PersonalDataMasks.maskName(name);
    }

    @Override
    public String toString() {
        return "Resident[id=" + id + ", psnNo=" + psnNo + ", region=" + insuredRegionCode + "]";
    }
}
