package cn.yibao.portal.qrcode;

import cn.yibao.portal.audit.AuditTrail;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.api.AuditEntry.ActorType;
import cn.yibao.portal.audit.api.AuditEntry.Outcome;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.identity.StaffAccess;
import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.identity.api.StaffPowers;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.qrcode.api.CodeTokens;
import cn.yibao.portal.qrcode.api.SignedCode;
import cn.yibao.portal.resident.ResidentRegistry;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Region;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What verifying a code tells whom. Receipt and filing codes are public; 医保码 and prescription codes identify a
 * person, so they say who and how insured only to a help-desk worker ({@code HELP_DESK}) of the holder's region (or
 * a region holding it); anyone else learns only that they may not check it. Every staff verification of them,
 * allowed or not, is audited.
 */
@Service
public class CodeVerification {

    public static final Phrase STAFF_REQUIRED = Phrase.of("verify.refused.staffRequired");
    static final String AUDIT_ACTION = "CODE_VERIFY";

    private final Codes codes;
    private final ResidentRegistry residents;
    private final RegionCatalog regions;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final InsuredStatus insuredStatus;
    private final List<CodeSubjects> subjects;
    private final StaffAccess access;

    CodeVerification(Codes codes, ResidentRegistry residents, RegionCatalog regions, AuditTrail audit,
                     BusinessClock clock, InsuredStatus insuredStatus, List<CodeSubjects> subjects, StaffAccess access) {
        this.access = access;
        this.subjects = subjects;
        this.insuredStatus = insuredStatus;
        this.codes = codes;
        this.residents = residents;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The answer, with the JSON names of {@code POST /api/v1/codes/verify}. {@code staffRequired}: a person's code
     * that this caller may not check (not signed in as staff, not help desk, or another region's resident);
     * {@code reason} says which.
     */
    public record Result(boolean valid, String purpose, Phrase purposeLabel, Phrase reason, String subject,
                         String region, Phrase status, Instant expiresAt, boolean staffRequired) {

        static Result refused(Phrase reason) {
            return new Result(false, null, null, reason, null, null, null, null, false);
        }

        static Result needsStaff() {
            return new Result(false, null, null, STAFF_REQUIRED, null, null, null, null, true);
        }

        /** A staff member who may not check this code: why, and nothing about the person. */
        static Result notPermitted(Phrase reason) {
            return new Result(false, null, null, reason, null, null, null, null, true);
        }
    }

    public Mono<Result> verify(String token, Optional<StaffIdentity> staff, RequestOrigin origin) {
        return codes.verify(token == null ? null : token.strip(), EnumSet.allOf(CodePurpose.class))
                .flatMap(verification -> {
                    SignedCode code = verification instanceof CodeTokens.Verified verified ? verified.code()
                            : ((CodeTokens.Refused) verification).code();
                    if (code == null) {
                        return Mono.just(Result.refused(((CodeTokens.Refused) verification).reason().said()));
                    }
                    if (code.purpose().staffOnly() && staff.isEmpty()) {
                        return Mono.just(Result.needsStaff());
                    }
                    Phrase reason = verification instanceof CodeTokens.Refused refused ? refused.reason().said() : null;
                    Mono<Described> described = code.purpose() == CodePurpose.RESIDENT
                            ? describeResident(code, reason)
                            : describeOther(code, reason);
                    return code.purpose().staffOnly()
                            ? described.flatMap(answer -> audited(forStaff(answer, staff.get()), code, staff.get(), origin))
                            : described.map(Described::result);
                });
    }

    /** What a code says, and the insured region of the person it belongs to (null when there is none). */
    private record Described(Result result, String holderRegionCode) {
    }

    /**
     * A person's code tells a help-desk worker of the holder's region who the holder is and how they are insured;
     * anyone else on the staff learns only that they may not check it (and the attempt is audited).
     */
    private Result forStaff(Described described, StaffIdentity staff) {
        Optional<Phrase> refusal = described.holderRegionCode() == null
                ? StaffPowers.holds(staff, StaffRole.HELP_DESK) ? Optional.empty()
                        : Optional.of(new StaffPowers.MissingRole(StaffRole.HELP_DESK).message())
                : access.refusal(staff, StaffRole.HELP_DESK, described.holderRegionCode());
        return refusal.map(Result::notPermitted).orElse(described.result());
    }

    private Mono<Described> describeResident(SignedCode code, Phrase reason) {
        return residents.findById(code.subject())
                .flatMap(resident -> insuredStatus.of(resident).map(status -> new Described(new Result(reason == null,
                        code.purpose().name(), code.purpose().label(), reason, resident.maskedName(),
                        regions.find(resident.insuredRegionCode()).map(Region::name).orElse(resident.insuredRegionCode()),
                        status, code.expiresAt(), false), resident.insuredRegionCode())))
                .defaultIfEmpty(new Described(Result.refused(CodeTokens.Reason.REVOKED.said()), null));
    }

    private Mono<Described> describeOther(SignedCode code, Phrase reason) {
        return subjects.stream().filter(s -> s.purpose() == code.purpose()).findFirst()
                .map(owner -> owner.describe(code.subject())
                        .map(subject -> {
                            Phrase why = reason != null ? reason : subject.inactiveReason();
                            return new Described(new Result(why == null, code.purpose().name(), code.purpose().label(),
                                    why, subject.name(), subject.region(), subject.status(), code.expiresAt(), false),
                                    subject.holderRegionCode());
                        })
                        // Gone from the records: still say "expired" when that is what the token itself says.
                        .defaultIfEmpty(new Described(Result.refused(reason != null ? reason
                                : CodeTokens.Reason.REVOKED.said()), null)))
                .orElseGet(() -> Mono.just(new Described(new Result(reason == null, code.purpose().name(),
                        code.purpose().label(), reason, null, null, null, code.expiresAt(), false), null)));
    }

    private Mono<Result> audited(Result result, SignedCode code, StaffIdentity staff, RequestOrigin origin) {
        return audit.record(new AuditEntry(clock.now(), ActorType.STAFF, staff.staffId(),
                        code.purpose() == CodePurpose.RESIDENT ? code.subject() : null, AUDIT_ACTION,
                        result.valid() ? Outcome.SUCCESS : Outcome.FAILURE, origin.clientAddress(), origin.userAgent(),
                        code.purpose().name() + (result.reason() == null ? "" : " " + result.reason().key()),
                        code.purpose() == CodePurpose.RESIDENT ? null : String.valueOf(code.subject()),
                        origin.requestId(), null))
                .thenReturn(result);
    }
}
