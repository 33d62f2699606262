package cn.yibao.portal.identity.api;

import cn.yibao.portal.shared.PersonalDataMasks;
import java.util.List;

/** A help-desk staff member as the staff issuer describes them: who, where (region code), in which roles, at which service point. */
public record StaffIdentity(String subject, String staffId, String name, String regionCode, List<String> roles,
                            String servicePoint) {

    public String maskedName() {
        return PersonalDataMasks.maskName(name);
    }
}
