package cn.yibao.portal.assist;

import cn.yibao.portal.assist.domain.AssistAction;
import cn.yibao.portal.assist.domain.AssistRules;
import cn.yibao.portal.assist.domain.AssistSession;
import cn.yibao.portal.assist.domain.AssistStatus;
import cn.yibao.portal.audit.AuditTrail;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.policy.SupportedRegions;
import cn.yibao.portal.qrcode.Codes;
import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.qrcode.api.CodeTokens;
import cn.yibao.portal.resident.ResidentRegistry;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.NationalId;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Region;
import cn.yibao.portal.web.AssistedObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Starting, approving, using and ending assisted sessions. Consent comes first: the resident's own dynamic 医保码,
 * their approval on their phone, or the one-time code shown there. A worker assists only residents of their own
 * region, for at most {@code portal.assist.session-length}.
 */
@Service
public class AssistSessions {

    static final String AUDIT_START = "ASSIST_START";
    static final String AUDIT_END = "ASSIST_END";
    /**
     * What the audit rows of starting a session note: codes that are message keys ({@code assist.audit.*}), as the
     * module's other rows keep codes ({@link cn.yibao.portal.assist.domain.AssistActions}), so they read in any language.
     */
    static final List<String> AUDIT_NOTES = List.of(
            "assist.audit.byIdNumber.nameMismatch", "assist.audit.byIdNumber.otherRegion",
            "assist.audit.byIdNumber.unknown", "assist.audit.start.otherRegion", "assist.audit.start.residentCode",
            "assist.audit.start.requested", "assist.audit.codeConfirmed");
    private static final int MAX_CODE_TRIES = 5;

    private final AssistRepository sessions;
    private final ResidentRegistry residents;
    private final SupportedRegions regions;
    private final Codes codes;
    private final OneTimeCodes oneTimeCodes;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final Duration sessionLength;
    private final Duration requestLifetime;
    private final SecureRandom random = new SecureRandom();

    AssistSessions(AssistRepository sessions, ResidentRegistry residents, SupportedRegions regions, Codes codes,
                   OneTimeCodes oneTimeCodes, AuditTrail audit, BusinessClock clock,
                   @Value("${portal.assist.session-length:PT30M}") Duration sessionLength,
                   @Value("${portal.assist.request-lifetime:PT10M}") Duration requestLifetime) {
        this.sessions = sessions;
        this.residents = residents;
        this.regions = regions;
        this.codes = codes;
        this.oneTimeCodes = oneTimeCodes;
        this.audit = audit;
        this.clock = clock;
        this.sessionLength = sessionLength;
        this.requestLifetime = requestLifetime;
    }

    public sealed interface Outcome {
    }

    public record Started(AssistSession session) implements Outcome {
    }

    /** What kind of no it is; the web layer says which HTTP status each kind is. */
    public enum Refusal {
        /** The input is malformed or incomplete. */
        BAD_INPUT,
        /** The resident is outside the worker's region. */
        OTHER_REGION,
        /** No such resident (or no such session). */
        NOT_FOUND,
        /** The request is no longer in a state that allows this. */
        NOT_NOW
    }

    public record Refused(Refusal kind, String field, Phrase message) implements Outcome {
    }

    /** The worker scanned or pasted the resident's dynamic 医保码: the resident is present and consents. */
    public Mono<Outcome> startWithResidentCode(StaffIdentity staff, String token, RequestOrigin origin) {
        if (token == null || token.isBlank()) {
            return Mono.just(new Refused(Refusal.BAD_INPUT, "residentCode", Phrase.of("assist.refused.code.missing")));
        }
        return codes.verify(token.strip(), Set.of(CodePurpose.RESIDENT)).flatMap(checked -> {
            if (!(checked instanceof CodeTokens.Verified verified)) {
                Phrase reason = checked instanceof CodeTokens.Refused refused ? refused.reason().said()
                        : Phrase.of("code.refused.INVALID");
                return Mono.just((Outcome) new Refused(Refusal.BAD_INPUT, "residentCode", Phrase.of("assist.refused.code.invalid", reason)));
            }
            return residents.findById(verified.code().subject())
                    .flatMap(resident -> start(staff, resident, "RESIDENT_CODE", origin))
                    .defaultIfEmpty(new Refused(Refusal.NOT_FOUND, "residentCode", Phrase.of("assist.refused.code.unknown")));
        });
    }

    /** The worker typed ID number and name: the resident must approve on their phone (or read out the code). */
    public Mono<Outcome> request(StaffIdentity staff, String certno, String name, RequestOrigin origin) {
        Optional<NationalId> id = NationalId.parse(certno == null ? "" : certno.strip());
        if (id.isEmpty()) {
            return Mono.just(new Refused(Refusal.BAD_INPUT, "certno", NationalId.problem(certno == null ? "" : certno.strip())));
        }
        if (name == null || name.isBlank()) {
            return Mono.just(new Refused(Refusal.BAD_INPUT, "name", Phrase.of("assist.refused.name.missing")));
        }
        // One answer for "unknown number", "name does not match" and "insured in another region": typing a number
        // and a name must not tell anyone whether or where that person is insured. The audit row keeps the reason.
        return residents.findByIdNumber(id.get())
                .flatMap(resident -> !resident.name().equals(name.strip())
                        ? notFound(staff, resident.id(), "assist.audit.byIdNumber.nameMismatch", origin)
                        : !mayAssist(staff, resident)
                                ? notFound(staff, resident.id(), "assist.audit.byIdNumber.otherRegion", origin)
                                : start(staff, resident, "PHONE_APPROVAL", origin))
                .switchIfEmpty(Mono.defer(() -> notFound(staff, null, "assist.audit.byIdNumber.unknown", origin)));
    }

    static final Phrase NOT_FOUND_BY_ID_NUMBER = Phrase.of("assist.refused.notFound");

    private Mono<Outcome> notFound(StaffIdentity staff, UUID residentId, String note, RequestOrigin origin) {
        return audit.record(entry(staff, residentId, AUDIT_START, false, origin, note, null))
                .thenReturn(new Refused(Refusal.NOT_FOUND, "certno", NOT_FOUND_BY_ID_NUMBER));
    }

    /** The resident is insured in the worker's region (the region itself or a place inside it). */
    boolean mayAssist(StaffIdentity staff, Resident resident) {
        List<String> path = regions.path(resident.insuredRegionCode()).map(p -> p.stream().map(Region::code).toList())
                .orElse(List.of(resident.insuredRegionCode()));
        return AssistRules.inRegion(staff.regionCode(), path);
    }

    /** The resident is present (their 医保码) or approved the request: only the region can still stand in the way. */
    private Mono<Outcome> start(StaffIdentity staff, Resident resident, String consent, RequestOrigin origin) {
        if (!mayAssist(staff, resident)) {
            return audit.record(entry(staff, resident.id(), AUDIT_START, false, origin, "assist.audit.start.otherRegion", null))
                    .thenReturn(new Refused(Refusal.OTHER_REGION, "resident", Phrase.of("assist.refused.region")));
        }
        Instant now = clock.now();
        boolean present = consent.equals("RESIDENT_CODE");
        String code = present ? null : String.format("%06d", random.nextInt(1_000_000));
        AssistSession session = new AssistSession(UUID.randomUUID(), staff.staffId(), staff.maskedName(),
                staff.servicePoint(), staff.regionCode(), resident.id(), consent,
                present ? AssistStatus.ACTIVE : AssistStatus.AWAITING_RESIDENT, now, now.plus(requestLifetime),
                present ? now : null, present ? now.plus(sessionLength) : null, null, null, 0);
        return sessions.insert(session, code == null ? null : hash(session.id(), code))
                .then(audit.record(entry(staff, resident.id(), AUDIT_START, true, origin,
                        present ? "assist.audit.start.residentCode" : "assist.audit.start.requested", session.id())))
                .then(code == null ? Mono.empty() : oneTimeCodes.keep(session.id(), code, requestLifetime))
                .thenReturn(new Started(session));
    }

    /** Requests waiting for this resident, with the one-time code to read out (when it is still known). */
    public Flux<PendingRequest> pendingFor(Resident resident) {
        Instant now = clock.now();
        return sessions.awaitingResident(resident.id(), now).collectList()
                .flatMapIterable(waiting -> waiting)
                .concatMap(session -> oneTimeCodes.find(session.id())
                        .map(code -> new PendingRequest(session, code))
                        .defaultIfEmpty(new PendingRequest(session, null)));
    }

    public record PendingRequest(AssistSession session, String oneTimeCode) {
    }

    /** The resident approves or declines on their phone. Empty when there is no such request for them. */
    public Mono<Outcome> answer(Resident resident, UUID sessionId, boolean approve, RequestOrigin origin) {
        Instant now = clock.now();
        return sessions.find(sessionId).filter(session -> session.residentId().equals(resident.id()))
                .flatMap(session -> {
                    if (session.status() != AssistStatus.AWAITING_RESIDENT || !now.isBefore(session.requestExpiresAt())) {
                        return Mono.just((Outcome) new Refused(Refusal.NOT_NOW, "status", Phrase.of("assist.refused.stale")));
                    }
                    Mono<Boolean> change = approve ? sessions.activate(session, now, now.plus(sessionLength))
                            : sessions.end(session, AssistStatus.DECLINED, "RESIDENT", now);
                    return change.flatMap(changed -> !changed
                            ? Mono.just((Outcome) new Refused(Refusal.NOT_NOW, "status", Phrase.of("assist.refused.stale")))
                            : audit.record(new AuditEntry(now, AuditEntry.ActorType.RESIDENT, resident.id().toString(),
                                            resident.id(), approve ? "ASSIST_APPROVE" : "ASSIST_DECLINE",
                                            AuditEntry.Outcome.SUCCESS, origin.clientAddress(), origin.userAgent(),
                                            null, session.id().toString(), origin.requestId(), session.id()))
                                    .then(oneTimeCodes.forget(session.id()))
                                    .then(sessions.find(session.id())).map(Started::new));
                });
    }

    /** The worker enters the code the resident reads out from their phone. */
    public Mono<Outcome> confirmCode(StaffIdentity staff, UUID sessionId, String code, RequestOrigin origin) {
        Instant now = clock.now();
        return sessions.find(sessionId).filter(session -> session.staffId().equals(staff.staffId()))
                .flatMap(session -> {
                    if (session.status() != AssistStatus.AWAITING_RESIDENT || !now.isBefore(session.requestExpiresAt())) {
                        return Mono.just((Outcome) new Refused(Refusal.NOT_NOW, "status", Phrase.of("assist.refused.stale.again")));
                    }
                    return sessions.codeHash(sessionId)
                            .filter(stored -> code != null && MessageDigest.isEqual(stored, hash(sessionId, code.strip())))
                            .flatMap(matches -> sessions.activate(session, now, now.plus(sessionLength))
                                    .flatMap(changed -> changed
                                            ? audit.record(entry(staff, session.residentId(), "ASSIST_CODE_CONFIRMED",
                                                    true, origin, "assist.audit.codeConfirmed", session.id()))
                                                    .then(oneTimeCodes.forget(sessionId))
                                                    .then(sessions.find(sessionId)).map(s -> (Outcome) new Started(s))
                                            : Mono.just((Outcome) new Refused(Refusal.NOT_NOW, "status", Phrase.of("assist.refused.stale.again")))))
                            .switchIfEmpty(Mono.defer(() -> sessions.countFailedTry(sessionId).flatMap(tries -> tries >= MAX_CODE_TRIES
                                    ? sessions.end(session, AssistStatus.DECLINED, "TIMEOUT", now)
                                            .thenReturn((Outcome) new Refused(Refusal.NOT_NOW, "code", Phrase.of("assist.refused.code.tooMany")))
                                    : Mono.just((Outcome) new Refused(Refusal.BAD_INPUT, "code", Phrase.of("assist.refused.code.wrong"))))));
                });
    }

    /** The worker ends it (or signs out). Empty when it is not theirs. */
    /** A worker's own session, for their desk. */
    public Mono<AssistSession> ofStaff(StaffIdentity staff, UUID sessionId) {
        return sessions.find(sessionId).filter(session -> session.staffId().equals(staff.staffId()));
    }

    public Mono<Outcome> endByStaff(StaffIdentity staff, UUID sessionId, String endedBy, RequestOrigin origin) {
        return sessions.find(sessionId).filter(session -> session.staffId().equals(staff.staffId()))
                .flatMap(session -> finish(session, AssistStatus.ENDED, endedBy, AuditEntry.ActorType.STAFF,
                        staff.staffId(), origin));
    }

    /** The resident withdraws consent from their phone. Empty when it is not theirs. */
    public Mono<Outcome> revokeByResident(Resident resident, UUID sessionId, RequestOrigin origin) {
        return sessions.find(sessionId).filter(session -> session.residentId().equals(resident.id()))
                .flatMap(session -> finish(session, AssistStatus.REVOKED, "RESIDENT", AuditEntry.ActorType.RESIDENT,
                        resident.id().toString(), origin));
    }

    /** At staff sign-out: every open session of theirs ends. */
    public Mono<Void> endAllOf(String staffId, RequestOrigin origin) {
        return sessions.openOfStaff(staffId).collectList()
                .flatMapIterable(open -> open)
                .concatMap(session -> finish(session, AssistStatus.ENDED, "SIGN_OUT", AuditEntry.ActorType.STAFF,
                        staffId, origin))
                .then();
    }

    private Mono<Outcome> finish(AssistSession session, AssistStatus to, String endedBy, AuditEntry.ActorType actor,
                                 String actorId, RequestOrigin origin) {
        Instant now = clock.now();
        if (session.status().isFinal()) {
            return Mono.just(new Started(session));
        }
        return sessions.end(session, to, endedBy, now)
                .flatMap(changed -> changed
                        ? audit.record(new AuditEntry(now, actor, actorId, session.residentId(), AUDIT_END,
                                AuditEntry.Outcome.SUCCESS, origin.clientAddress(), origin.userAgent(), to + " " + endedBy,
                                session.id().toString(), origin.requestId(), session.id()))
                        : Mono.empty())
                .then(oneTimeCodes.forget(session.id()))
                .then(sessions.find(session.id())).map(Started::new);
    }

    /**
     * The active session a worker acts in, or why not. An ACTIVE session past its end is marked EXPIRED here, so
     * the resident's record shows how it ended.
     */
    public Mono<Acting> acting(String staffId, UUID sessionId) {
        Instant now = clock.now();
        return sessions.find(sessionId)
                .flatMap(session -> {
                    Optional<Phrase> why = AssistRules.cannotActBecause(session, staffId, now);
                    if (why.isPresent() && session.status() == AssistStatus.ACTIVE && session.staffId().equals(staffId)) {
                        return sessions.end(session, AssistStatus.EXPIRED, "TIMEOUT", now)
                                .thenReturn(new Acting(session, why.get()));
                    }
                    return Mono.just(new Acting(session, why.orElse(null)));
                })
                .defaultIfEmpty(new Acting(null, Phrase.of("assist.cannot.none")));
    }

    /** {@code refusal} is null when the worker may act now. */
    public record Acting(AssistSession session, Phrase refusal) {
    }

    /** One session of the resident's 代办记录 with what was done in it. */
    public record History(AssistSession session, List<AssistAction> actions) {
    }

    /**
     * The resident's sessions, newest first, each with its actions; sessions whose time ran out unnoticed are recorded
     * as EXPIRED first. Three queries whatever the number of sessions.
     */
    public Mono<List<History>> historyOf(Resident resident) {
        return sessions.expireRunOutOf(resident.id(), clock.now())
                .then(sessions.ofResident(resident.id()).collectList())
                .flatMap(list -> list.isEmpty() ? Mono.just(List.<History>of())
                        : sessions.actions(list.stream().map(AssistSession::id).toList())
                                .map(actions -> list.stream()
                                        .map(session -> new History(session, actions.getOrDefault(session.id(), List.of())))
                                        .toList()));
    }

    /**
     * One action of the session: its row in 代办记录 and its one audit row. {@code object}, when the handler named
     * what it created or changed, gives the object's id and number; otherwise {@code pathObjectId}, the id in the
     * path, if any.
     */
    Mono<Void> recordAction(AssistSession session, String action, String pathObjectId, AssistedObject object,
                            boolean success, RequestOrigin origin) {
        Instant now = clock.now();
        String objectId = object != null ? object.id().toString() : pathObjectId;
        String kind = object != null ? object.kind() : null;
        String number = object != null ? object.number() : null;
        return sessions.action(session.id(), now, action, objectId, kind, number, success)
                .then(audit.record(new AuditEntry(now, AuditEntry.ActorType.STAFF, session.staffId(),
                        session.residentId(), "ASSIST_ACTION", success ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE,
                        origin.clientAddress(), origin.userAgent(), number == null ? action : action + " " + number,
                        objectId, origin.requestId(), session.id())));
    }

    private AuditEntry entry(StaffIdentity staff, UUID residentId, String action, boolean success,
                                    RequestOrigin origin, String detail, UUID sessionId) {
        return new AuditEntry(clock.now(), AuditEntry.ActorType.STAFF, staff.staffId(), residentId, action,
                success ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE, origin.clientAddress(),
                origin.userAgent(), detail, sessionId == null ? null : sessionId.toString(), origin.requestId(), sessionId);
    }

    private static byte[] hash(UUID sessionId, String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((sessionId + ":" + code).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
