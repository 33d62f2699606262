package cn.yibao.portal.filing;

import cn.yibao.portal.audit.AuditTrail;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.filing.api.FilingType;
import cn.yibao.portal.filing.api.TypeRules;
import cn.yibao.portal.filing.domain.EventNotes;
import cn.yibao.portal.filing.domain.FilingApplication;
import cn.yibao.portal.filing.domain.FilingRules;
import cn.yibao.portal.filing.domain.FilingStatus;
import cn.yibao.portal.filing.domain.Material;
import cn.yibao.portal.filing.domain.Uploads;
import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.qrcode.Codes;
import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Region;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Remote-settlement filings: loads what the rules need, asks {@link FilingRules}, and stores the outcome — the
 * filing, its materials and its first events in one transaction, so a failed submission leaves nothing behind.
 */
@Service
public class Filings {

    static final String AUDIT_DECISION = "FILING_DECISION";

    private final FilingRepository filings;
    private final FilingTypeCatalog types;
    private final RegionCatalog regions;
    private final Family family;
    private final BusinessClock clock;
    private final TransactionalOperator transaction;
    private final Codes codes;
    private final AuditTrail audit;

    Filings(FilingRepository filings, FilingTypeCatalog types, RegionCatalog regions, Family family, BusinessClock clock,
            TransactionalOperator transaction, Codes codes, AuditTrail audit) {
        this.filings = filings;
        this.types = types;
        this.regions = regions;
        this.family = family;
        this.clock = clock;
        this.transaction = transaction;
        this.codes = codes;
        this.audit = audit;
    }

    public record Form(FilingType type, String destination, LocalDate startDate, LocalDate endDate, String reason,
                       boolean commitment, LocalDate treatmentDate) {
    }

    public record Upload(Material material, String fileName, String declaredType, byte[] content) {
    }

    public sealed interface Outcome {
    }

    public record Filed(Filing filing) implements Outcome {
    }

    public record Refused(String field, Phrase message) implements Outcome {
    }

    /** The form passes the rules as they stand now; nothing is stored yet. */
    public record Checked(LocalDate startDate, LocalDate endDate) implements Outcome {
    }

    public List<TypeRules> typesFor(Resident resident) {
        return types.typesFor(resident.insuredRegionCode());
    }

    /** The rules the filing was decided under: those of the insured person's region at filing time. */
    public TypeRules rulesOf(Filing filing) {
        return types.rulesFor(filing.type(), filing.reviewRegion());
    }

    /** The person a filing is for: the resident, or a bound minor ({@code insured} = member id). */
    public Mono<Resident> insuredFor(Resident me, String insured) {
        if (insured == null || insured.isBlank() || "SELF".equals(insured)) {
            return Mono.just(me);
        }
        return family.boundMinor(me, insured);
    }

    /** Whom the resident may file for: themselves first, then the minors bound to them (the household read). */
    public Mono<List<Resident>> whoMayFileFor(Resident me) {
        return family.selfAndBoundMinors(me)
                .map(people -> people.stream().map(Family.Person::resident).toList());
    }

    /** Checks the form as it would be decided now, without storing anything (the summary page). */
    public Mono<Outcome> preview(Resident insured, Form form) {
        Refused invalid = basicProblem(form);
        if (invalid != null) {
            return Mono.just(invalid);
        }
        return filings.ofInsured(List.of(insured.id())).map(Filing::asExisting).collectList()
                .map(existing -> {
                    FilingRules.Decision decision = FilingRules.decide(application(insured, form, Set.of()),
                            types.rulesFor(form.type(), insured.insuredRegionCode()), existing, clock.today());
                    return decision instanceof FilingRules.Accepted accepted
                            ? new Checked(accepted.startDate(), accepted.endDate())
                            : refusal((FilingRules.Refused) decision);
                });
    }

    public Mono<Outcome> submit(Resident filer, Resident insured, Form form, List<Upload> uploads) {
        Refused invalid = basicProblem(form);
        if (invalid != null) {
            return Mono.just(invalid);
        }
        Set<Material> materials = EnumSet.noneOf(Material.class);
        for (Upload upload : uploads) {
            FilingRules.Violation problem = Uploads.check(upload.fileName(), upload.declaredType(), upload.content(),
                    "materials");
            if (problem != null) {
                return Mono.just(new Refused(problem.field(), problem.message()));
            }
            materials.add(upload.material());
        }
        TypeRules rules = types.rulesFor(form.type(), insured.insuredRegionCode());
        FilingApplication application = application(insured, form, materials);
        // Under a per-person lock, so two submissions at once cannot both pass the overlap rule.
        Mono<Outcome> decideAndStore = filings.lockInsured(insured.id())
                .then(filings.ofInsured(List.of(insured.id())).map(Filing::asExisting).collectList())
                .flatMap(existing -> {
                    FilingRules.Decision decision = FilingRules.decide(application, rules, existing, clock.today());
                    if (decision instanceof FilingRules.Accepted accepted) {
                        return store(filer, insured, form, accepted, uploads);
                    }
                    return Mono.just(refusal((FilingRules.Refused) decision));
                });
        return transaction.transactional(decideAndStore);
    }

    private Mono<Outcome> store(Resident filer, Resident insured, Form form, FilingRules.Accepted accepted,
                                List<Upload> uploads) {
        LocalDate today = clock.today();
        return filings.nextNumber().flatMap(sequence -> store(filer, insured, form, accepted, uploads,
                number(today, sequence)));
    }

    private Mono<Outcome> store(Resident filer, Resident insured, Form form, FilingRules.Accepted accepted,
                                List<Upload> uploads, String number) {
        LocalDate today = clock.today();
        Filing filing = new Filing(UUID.randomUUID(), number, insured.id(), filer.id(), form.type(),
                form.destination(), accepted.startDate(), accepted.endDate(), form.reason().strip(), form.commitment(),
                form.treatmentDate(), accepted.status(), accepted.status() == FilingStatus.EFFECTIVE ? today : null,
                insured.insuredRegionCode(), clock.now(), 0);
        String actor = filer.id().toString();
        return filings.insert(filing)
                .thenMany(Flux.fromIterable(uploads).concatMap(upload -> filings.insertMaterial(filing.id(),
                        upload.material(), safeName(upload.fileName()), Uploads.detectedType(upload.content()).orElseThrow(),
                        upload.content(), clock.now())))
                .then(filings.event(filing.id(), null, FilingStatus.SUBMITTED, "RESIDENT", actor,
                        form.commitment() ? EventNotes.SUBMITTED_WITH_COMMITMENT : EventNotes.SUBMITTED, clock.now()))
                .then(filings.event(filing.id(), FilingStatus.SUBMITTED, accepted.status(), "SYSTEM", null,
                        accepted.status() == FilingStatus.EFFECTIVE ? EventNotes.COMPLETE
                                : accepted.notes().stream().map(EventNotes::stored).findFirst().orElse(""),
                        clock.now()))
                .thenReturn(new Filed(filing));
    }

    /** Filings the resident may see: their own and those of the minors bound to them (adults file for themselves). */
    public Flux<Filing> visibleTo(Resident me) {
        return family.boundMinors(me).map(Resident::id).collectList()
                .flatMapMany(members -> {
                    List<UUID> ids = new ArrayList<>(members);
                    ids.add(me.id());
                    return filings.ofInsured(ids);
                });
    }

    public Mono<Filing> findFor(Resident me, UUID id) {
        return visibleTo(me).filter(filing -> filing.id().equals(id)).next();
    }

    public Mono<Outcome> cancel(Resident me, UUID id) {
        return findFor(me, id).flatMap(filing -> {
            var problem = FilingRules.cancellable(filing.asExisting(), rulesOf(filing), clock.today());
            if (problem.isPresent()) {
                return Mono.just((Outcome) new Refused(problem.get().field(), problem.get().message()));
            }
            return transaction.transactional(filings.transition(filing, FilingStatus.CANCELLED, null)
                    .flatMap(moved -> moved
                            ? filings.event(filing.id(), filing.status(), FilingStatus.CANCELLED, "RESIDENT",
                                    me.id().toString(), EventNotes.CANCELLED_BY_INSURED, clock.now())
                                    .then(filings.find(filing.id()).map(updated -> (Outcome) new Filed(updated)))
                            : Mono.just((Outcome) new Refused("status", Phrase.of("filing.refused.changed")))));
        });
    }

    public Flux<Filing> reviewQueue(StaffIdentity staff) {
        return filings.awaitingReview(staffRegions(staff));
    }

    public Mono<Filing> findForStaff(StaffIdentity staff, UUID id) {
        List<String> regionsOfStaff = staffRegions(staff);
        return filings.find(id).filter(filing -> regionsOfStaff.contains(filing.reviewRegion()));
    }

    /** A staff decision on a filing under review in their own region; rejecting needs a reason. */
    public Mono<Outcome> review(StaffIdentity staff, UUID id, boolean approve, String reason, RequestOrigin origin) {
        if (!approve && (reason == null || reason.isBlank())) {
            return Mono.just(new Refused("reason", Phrase.of("filing.refused.review.reason")));
        }
        if (reason != null && reason.strip().length() > FilingRules.MAX_REASON_LENGTH) {
            return Mono.just(new Refused("reason", Phrase.of("filing.refused.review.tooLong", FilingRules.MAX_REASON_LENGTH)));
        }
        FilingStatus to = approve ? FilingStatus.EFFECTIVE : FilingStatus.REJECTED;
        return findForStaff(staff, id)
                .filter(filing -> filing.status() == FilingStatus.UNDER_REVIEW)
                .flatMap(filing -> approve && filing.endDate() != null && filing.endDate().isBefore(clock.today())
                        ? Mono.just((Outcome) new Refused("decision", Phrase.of("filing.refused.review.ended")))
                        : transaction.transactional(
                        filings.transition(filing, to, approve ? clock.today() : null)
                                .flatMap(moved -> moved
                                        ? filings.event(filing.id(), filing.status(), to, "STAFF", staff.staffId(),
                                                reason == null || reason.isBlank() ? EventNotes.APPROVED : reason.strip(), clock.now())
                                                .then(audit.record(new AuditEntry(clock.now(), AuditEntry.ActorType.STAFF,
                                                        staff.staffId(), filing.insuredId(), AUDIT_DECISION,
                                                        AuditEntry.Outcome.SUCCESS, origin.clientAddress(),
                                                        origin.userAgent(), filing.number() + " " + to,
                                                        filing.id().toString(), origin.requestId(), null)))
                                                .then(filings.find(filing.id()).map(f -> (Outcome) new Filed(f)))
                                        : Mono.just((Outcome) new Refused("status", Phrase.of("filing.refused.changed"))))))
                .switchIfEmpty(Mono.defer(() -> findForStaff(staff, id)
                        .map(decided -> (Outcome) new Refused("status", Phrase.of("filing.refused.decided", decided.status().name())))));
    }

    /** Only the filer and the insured person themselves may download materials (and staff of the region). */
    public boolean mayDownloadMaterials(Resident me, Filing filing) {
        return filing.filedById().equals(me.id()) || filing.insuredId().equals(me.id());
    }

    /** Effective filings whose end date has passed become EXPIRED; returns how many. */
    public Mono<Long> expireDue() {
        // Read the due filings first: each expiry then takes its own transaction, never while the read streams.
        return filings.dueToExpire(clock.today()).collectList()
                .flatMapIterable(due -> due)
                .concatMap(filing -> transaction.transactional(filings.transition(filing, FilingStatus.EXPIRED, null)
                        .filter(Boolean::booleanValue)
                        .flatMap(moved -> filings.event(filing.id(), FilingStatus.EFFECTIVE, FilingStatus.EXPIRED,
                                "SYSTEM", null, EventNotes.EXPIRED, clock.now()).thenReturn(1L))))
                .count();
    }

    /** The public FILING code of an effective filing, valid as long as the filing (long-term: ten years at most). */
    public Codes.IssuedCode codeOf(Filing filing) {
        LocalDate until = filing.endDate() == null ? clock.today().plusYears(10) : filing.endDate().plusDays(1);
        return codes.issue(CodePurpose.FILING, filing.id(),
                Duration.between(clock.now(), until.atStartOfDay(clock.zone()).toInstant()));
    }

    public Flux<FilingMaterial> materialsOf(Filing filing) {
        return filings.materialsOf(filing.id());
    }

    public Mono<FilingMaterial.File> material(Filing filing, UUID materialId) {
        return filings.materialContent(filing.id(), materialId);
    }

    /** The histories of these filings, by filing id, in one query. */
    public Mono<Map<UUID, List<FilingEvent>>> historiesOf(Collection<Filing> of) {
        return of.isEmpty() ? Mono.just(Map.of()) : filings.eventsOf(of.stream().map(Filing::id).toList());
    }

    public String regionName(String code) {
        return regions.displayName(code, "");
    }

    private List<String> staffRegions(StaffIdentity staff) {
        return regions.withDescendants(staff.regionCode()).stream().map(Region::code).toList();
    }

    private FilingApplication application(Resident insured, Form form, Set<Material> materials) {
        return new FilingApplication(form.type(), regions.pathToNational(insured.insuredRegionCode()),
                regions.pathToNational(form.destination()), form.startDate(), form.endDate(), form.reason(),
                form.commitment(), form.treatmentDate(), materials);
    }

    private Refused basicProblem(Form form) {
        if (form.type() == null) {
            return new Refused("type", Phrase.of("filing.refused.type"));
        }
        if (form.destination() == null || !regions.contains(form.destination())) {
            return new Refused("destination", Phrase.of("filing.refused.destination"));
        }
        if (form.startDate() == null) {
            return new Refused("startDate", Phrase.of("filing.refused.start.missing"));
        }
        return null;
    }

    private static Outcome refusal(FilingRules.Refused refused) {
        return new Refused(refused.violation().field(), refused.violation().message());
    }

    /** YD + date + a sequence number: unique, and readable over the phone. */
    private static String number(LocalDate today, long sequence) {
        return "YD" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%08d", sequence % 100_000_000);
    }

    private static String safeName(String fileName) {
        String name = fileName == null ? "material" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
