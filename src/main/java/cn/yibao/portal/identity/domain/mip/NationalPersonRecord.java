package cn.yibao.portal.identity.domain.mip;

import cn.yibao.portal.identity.api.EvoucherIdentity;
import cn.yibao.portal.shared.NationalId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Maps the national 1101 answer (人员基本信息获取) to the portal's resident: {@code baseinfo} gives psn_no, certno and
 * the name; the resident is the one with an insurance record of the resident scheme ({@code insutype} 390) in
 * force ({@code psn_insu_stas} 1), whose insured region ({@code insuplc_admdvs}) the portal serves; {@code idetinfo}
 * gives the identity types (特困, 低保…) with their dates, as the national platform knows them.
 */
public final class NationalPersonRecord {

    public static final String RESIDENT_SCHEME = "390";
    private static final String INSURED = "1";

    private NationalPersonRecord() {
    }

    /** An identity type of {@code idetinfo}: its national code, level, and the dates it holds (end may be open). */
    public record IdentityType(String code, String level, LocalDate begins, LocalDate ends) {
    }

    public sealed interface Mapping permits Mapped, Rejected {
    }

    public record Mapped(EvoucherIdentity identity, List<IdentityType> identityTypes) implements Mapping {
    }

    public enum Problem {
        INCOMPLETE, NOT_RESIDENT_SCHEME, REGION_NOT_SERVED
    }

    /** {@code reason}: for the audit trail (operators), in the protocol's terms; residents are told by {@code problem}. */
    public record Rejected(Problem problem, String reason) implements Mapping {
    }

    /**
     * @param output      the 1101 {@code output} object (or the whole answer that holds it)
     * @param subject     the portal's subject for the person (stable per person); null: the person's psn_no
     * @param servedRegion whether the portal serves an insured region code
     */
    public static Mapping map(Map<String, Object> output, String subject, Predicate<String> servedRegion) {
        Map<String, Object> answer = output.get("output") instanceof Map<?, ?> inner ? cast(inner) : output;
        if (!(answer.get("baseinfo") instanceof Map<?, ?> rawBase)) {
            return new Rejected(Problem.INCOMPLETE, "1101 answered no baseinfo");
        }
        Map<String, Object> base = cast(rawBase);
        String psnNo = text(base, "psn_no");
        String name = text(base, "psn_name");
        String certno = text(base, "certno");
        if (psnNo == null || !psnNo.matches("[0-9A-Za-z]{1,40}")) {
            return new Rejected(Problem.INCOMPLETE, "1101 answered no valid psn_no");
        }
        if (name == null) {
            return new Rejected(Problem.INCOMPLETE, "1101 answered no psn_name");
        }
        if (NationalId.problem(certno) != null) {
            return new Rejected(Problem.INCOMPLETE, "1101 answered an invalid certno");
        }
        List<Map<String, Object>> resident = list(answer.get("insuinfo")).stream()
                .filter(insurance -> RESIDENT_SCHEME.equals(text(insurance, "insutype")))
                .filter(insurance -> INSURED.equals(text(insurance, "psn_insu_stas")))
                .toList();
        if (resident.isEmpty()) {
            return new Rejected(Problem.NOT_RESIDENT_SCHEME, "no resident scheme (insutype 390) record in force");
        }
        String region = resident.stream().map(insurance -> text(insurance, "insuplc_admdvs"))
                .filter(Objects::nonNull).filter(code -> code.matches("\\d{6}")).filter(servedRegion)
                .findFirst().orElse(null);
        if (region == null) {
            return new Rejected(Problem.REGION_NOT_SERVED, "insured region not served");
        }
        List<IdentityType> identities = new ArrayList<>();
        for (Map<String, Object> identity : list(answer.get("idetinfo"))) {
            String code = text(identity, "psn_idet_type");
            if (code != null) {
                identities.add(new IdentityType(code, text(identity, "psn_type_lv"), date(text(identity, "begntime")),
                        date(text(identity, "endtime"))));
            }
        }
        return new Mapped(new EvoucherIdentity(subject == null ? psnNo : subject, name, NationalId.parse(certno).orElseThrow(), psnNo, region),
                List.copyOf(identities));
    }

    /** The identity types that hold on a day (begun, not ended). */
    public static List<IdentityType> inForceOn(List<IdentityType> types, LocalDate day) {
        return types.stream()
                .filter(type -> type.begins() == null || !type.begins().isAfter(day))
                .filter(type -> type.ends() == null || !type.ends().isBefore(day))
                .toList();
    }

    /** {@code yyyy-MM-dd}, optionally followed by a time; anything else is an unknown date. */
    private static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static List<Map<String, Object>> list(Object value) {
        if (!(value instanceof Collection<?> items)) {
            return List.of();
        }
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                maps.add(cast(map));
            }
        }
        return maps;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
