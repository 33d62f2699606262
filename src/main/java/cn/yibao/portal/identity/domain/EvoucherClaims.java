package cn.yibao.portal.identity.domain;

import cn.yibao.portal.identity.api.EvoucherIdentity;
import cn.yibao.portal.shared.NationalId;
import cn.yibao.portal.shared.Phrase;
import java.util.Map;

/** Maps the e-voucher issuer's claims to an {@link EvoucherIdentity}, or says what is missing or wrong
 * ({@code evoucher.claims.*}, kept in the audit trail). */
public final class EvoucherClaims {

    public static final String NAME = "name";
    public static final String CERTNO = "certno";
    public static final String PSN_NO = "psn_no";
    public static final String INSURED_REGION = "insuplc_admdvs";

    private EvoucherClaims() {
    }

    public sealed interface Mapping permits Mapped, Rejected {
    }

    public record Mapped(EvoucherIdentity identity) implements Mapping {
    }

    public record Rejected(Phrase reason) implements Mapping {
    }

    public static Mapping map(Map<String, Object> claims) {
        String subject = text(claims, "sub");
        String name = text(claims, NAME);
        String certno = text(claims, CERTNO);
        String psnNo = text(claims, PSN_NO);
        String region = text(claims, INSURED_REGION);
        if (subject == null) {
            return new Rejected(Phrase.of("evoucher.claims.subject"));
        }
        if (name == null) {
            return new Rejected(Phrase.of("evoucher.claims.name"));
        }
        Phrase idProblem = NationalId.problem(certno);
        if (idProblem != null) {
            return new Rejected(Phrase.of("evoucher.claims.certno", idProblem));
        }
        if (psnNo == null || !psnNo.matches("[0-9A-Za-z]{1,40}")) {
            return new Rejected(Phrase.of("evoucher.claims.psnNo"));
        }
        if (region == null || !region.matches("\\d{6}")) {
            return new Rejected(Phrase.of("evoucher.claims.region"));
        }
        return new Mapped(new EvoucherIdentity(subject, name, NationalId.parse(certno).orElseThrow(), psnNo, region));
    }

    private static String text(Map<String, Object> claims, String key) {
        Object value = claims.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
