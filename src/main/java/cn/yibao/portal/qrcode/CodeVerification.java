package cn.yibao.portal.qrcode;

import cn.yibao.portal.audit.AuditTrail;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.domain.AuditEntry;
import cn.yibao.portal.audit.domain.AuditEntry.ActorType;
import cn.yibao.portal.audit.domain.AuditEntry.Outcome;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.identity.domain.StaffIdentity;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.domain.Region;
import cn.yibao.portal.qrcode.domain.CodePurpose;
import cn.yibao.portal.qrcode.domain.CodeTokens;
import cn.yibao.portal.qrcode.domain.SignedCode;
import cn.yibao.portal.resident.ResidentRegistry;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What verifying a code tells whom. Receipt and filing codes are public; 医保码 and prescription codes identify a
 * person, so without a staff sign-in they reveal nothing but that staff must sign in, and every staff verification
 * of them is audited.
 */
@Service
public class CodeVerification {

    public static final String STAFF_REQUIRED = "需要工作人员登录";
    static final String AUDIT_ACTION = "CODE_VERIFY";

    private final Codes codes;
    private final ResidentRegistry residents;
    private final RegionCatalog regions;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final InsuredStatus insuredStatus;
    private final List<CodeSubjects> subjects;

    CodeVerification(Codes codes, ResidentRegistry residents, RegionCatalog regions, AuditTrail audit,
                     BusinessClock clock, InsuredStatus insuredStatus, List<CodeSubjects> subjects) {
        this.subjects = subjects;
        this.insuredStatus = insuredStatus;
        this.codes = codes;
        this.residents = residents;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The answer, with the JSON names of {@code POST /api/v1/codes/verify}. */
    public record Result(boolean valid, String purpose, String purposeLabel, String reason, String subject,
                         String region, String status, Instant expiresAt, boolean staffRequired) {

        static Result refused(String reason) {
            return new Result(false, null, null, reason, null, null, null, null, false);
        }

        static Result needsStaff() {
            return new Result(false, null, null, STAFF_REQUIRED, null, null, null, null, true);
        }
    }

    public Mono<Result> verify(String token, Optional<StaffIdentity> staff, RequestOrigin origin) {
        return codes.verify(token == null ? null : token.strip(), EnumSet.allOf(CodePurpose.class))
                .flatMap(verification -> {
                    SignedCode code = verification instanceof CodeTokens.Verified verified ? verified.code()
                            : ((CodeTokens.Refused) verification).code();
                    if (code == null) {
                        return Mono.just(Result.refused(((CodeTokens.Refused) verification).reason().chinese()));
                    }
                    if (code.purpose().staffOnly() && staff.isEmpty()) {
                        return Mono.just(Result.needsStaff());
                    }
                    String reason = verification instanceof CodeTokens.Refused refused ? refused.reason().chinese() : null;
                    Mono<Result> result = code.purpose() == CodePurpose.RESIDENT
                            ? describeResident(code, reason)
                            : describeOther(code, reason);
                    return code.purpose().staffOnly()
                            ? result.flatMap(answer -> audited(answer, code, staff.get(), origin))
                            : result;
                });
    }

    private Mono<Result> describeResident(SignedCode code, String reason) {
        return residents.findById(code.subject())
                .flatMap(resident -> insuredStatus.of(resident).map(status -> new Result(reason == null,
                        code.purpose().name(), code.purpose().label(), reason, resident.maskedName(),
                        regions.find(resident.insuredRegionCode()).map(Region::name).orElse(resident.insuredRegionCode()),
                        status, code.expiresAt(), false)))
                .defaultIfEmpty(Result.refused(CodeTokens.Reason.REVOKED.chinese()));
    }

    private Mono<Result> describeOther(SignedCode code, String reason) {
        return subjects.stream().filter(s -> s.purpose() == code.purpose()).findFirst()
                .map(owner -> owner.describe(code.subject())
                        .map(subject -> {
                            String why = reason != null ? reason : subject.inactiveReason();
                            return new Result(why == null, code.purpose().name(), code.purpose().label(), why,
                                    subject.name(), subject.region(), subject.status(), code.expiresAt(), false);
                        })
                        // Gone from the records: still say "expired" when that is what the token itself says.
                        .defaultIfEmpty(Result.refused(reason != null ? reason : CodeTokens.Reason.REVOKED.chinese())))
                .orElseGet(() -> Mono.just(new Result(reason == null, code.purpose().name(), code.purpose().label(),
                        reason, null, null, null, code.expiresAt(), false)));
    }

    private Mono<Result> audited(Result result, SignedCode code, StaffIdentity staff, RequestOrigin origin) {
        return audit.record(new AuditEntry(clock.now(), ActorType.STAFF, staff.staffId(),
                        code.purpose() == CodePurpose.RESIDENT ? code.subject() : null, AUDIT_ACTION,
                        result.valid() ? Outcome.SUCCESS : Outcome.FAILURE, origin.clientAddress(), origin.userAgent(),
                        code.purpose().name() + (result.reason() == null ? "" : " " + result.reason()),
                        code.purpose() == CodePurpose.RESIDENT ? null : String.valueOf(code.subject()),
                        origin.requestId(), null))
                .thenReturn(result);
    }
}
