package cn.yibao.portal.identity.api;

import cn.yibao.portal.shared.NationalId;


/**
 * Who the e-voucher issuer says the person is: the claims {@code name}, {@code certno} (ID number),
 * {@code psn_no} (personal insurance number) and {@code insuplc_admdvs} (insured region code), plus the
 * issuer's subject.
 */
public record EvoucherIdentity(String subject, String name, NationalId certno, String psnNo, String insuredRegionCode) {

    @Override
    public String toString() {
        // Records print every component; keep the full ID number (and the name) out of any log line.
        return "EvoucherIdentity[subject=" + subject + ", psnNo=" + psnNo + ", region=" + insuredRegionCode + "]";
    }
}
