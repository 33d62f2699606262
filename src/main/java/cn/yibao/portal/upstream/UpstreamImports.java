package cn.yibao.portal.upstream;

import cn.yibao.portal.audit.AuditTrail;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.api.PolicyCatalog;
import cn.yibao.portal.resident.ResidentRegistry;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.NationalId;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Region;
import cn.yibao.portal.text.Phrases;
import cn.yibao.portal.upstream.ImportResult.Status;
import cn.yibao.portal.upstream.domain.AssistanceRecord;
import cn.yibao.portal.upstream.domain.BatchRules;
import cn.yibao.portal.upstream.domain.Change;
import cn.yibao.portal.upstream.domain.FileFormat;
import cn.yibao.portal.upstream.domain.FileText;
import cn.yibao.portal.upstream.domain.ImportKind;
import cn.yibao.portal.upstream.domain.ImportPolicy;
import cn.yibao.portal.upstream.domain.LineDecision;
import cn.yibao.portal.upstream.domain.LineProblem;
import cn.yibao.portal.upstream.domain.OperatorScope;
import cn.yibao.portal.upstream.domain.ParsedFile;
import cn.yibao.portal.upstream.domain.Person;
import cn.yibao.portal.upstream.domain.UpstreamRecord;
import cn.yibao.portal.upstream.domain.Verdict;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports one batch file from upstream (the core medical-insurance platform, civil affairs, rural revitalisation):
 * reads it, asks {@link BatchRules} about every line, and stores the batch whole or not at all — in one transaction,
 * under a per-kind lock, so that two imports of the same kind never interleave. Every attempt leaves one audit row.
 */
@Service
public class UpstreamImports {

    static final String AUDIT_ACTION = "UPSTREAM_IMPORT";

    private final UpstreamRepository repository;
    private final ResidentRegistry residents;
    private final RegionCatalog regions;
    private final BusinessClock clock;
    private final TransactionalOperator transaction;
    private final AuditTrail audit;
    private final ImportLimits limits;
    private final Phrases phrases;
    private final PolicyCatalog catalog;

    UpstreamImports(UpstreamRepository repository, ResidentRegistry residents, RegionCatalog regions,
                    BusinessClock clock, TransactionalOperator transaction, AuditTrail audit, ImportLimits limits,
                    PolicyCatalog catalog, Phrases phrases) {
        this.phrases = phrases;
        this.repository = repository;
        this.residents = residents;
        this.regions = regions;
        this.clock = clock;
        this.transaction = transaction;
        this.audit = audit;
        this.limits = limits;
        this.catalog = catalog;
    }

    /** A file as uploaded: its name and declared type as the operator's client gave them, and its bytes. */
    public record Upload(String fileName, String contentType, byte[] content) {
    }

    /** The scope of a staff operator: people insured in their region. */
    public OperatorScope scopeOf(String regionCode) {
        return new OperatorScope(regionCode, regions.find(regionCode).map(r -> r.name()).orElse(regionCode));
    }

    /**
     * Decoding, parsing and checking a file of tens of thousands of lines keeps a CPU busy for up to a second or so:
     * that work runs on the bounded-elastic scheduler, never on the event loop that delivered the upload or a query's
     * rows.
     */
    public Mono<ImportResult> importFile(ImportKind kind, Upload upload, ImportOperator operator, RequestOrigin origin) {
        return Mono.defer(() -> readCheckAndStore(kind, upload, operator, origin))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<ImportResult> readCheckAndStore(ImportKind kind, Upload upload, ImportOperator operator,
                                                 RequestOrigin origin) {
        String fileName = recordedName(upload.fileName());
        if (upload.content().length > limits.maxBytes()) {
            return tooLarge(kind, fileName, operator, origin);
        }
        Optional<FileFormat> format = FileFormat.detect(upload.contentType(), fileName);
        if (format.isEmpty()) {
            return notAccepted(Status.UNSUPPORTED_TYPE, Phrase.of("upstream.result.type"), kind, fileName, operator,
                    origin);
        }
        FileText.Decoded decoded = FileText.decode(upload.content());
        if (decoded instanceof FileText.Unreadable unreadable) {
            return notAccepted(Status.UNREADABLE, unreadable.reason(), kind, fileName, operator, origin);
        }
        String text = ((FileText.Text) decoded).text();
        if (FileText.nonBlankLines(text) > limits.maxLines() + (format.get() == FileFormat.CSV ? 1 : 0)) {
            return notAccepted(Status.TOO_LARGE, Phrase.of("upstream.result.tooManyLines", limits.maxLines()),
                    kind, fileName, operator, origin);
        }
        ParsedFile parsed = format.get().parse(text, kind, FlatJson::fields);
        ImportPolicy policy = new ImportPolicy(clock.today(), regions::pathToNational, catalog, limits.maxDaysSupply());
        BatchRules.Reading reading = BatchRules.read(kind, parsed, policy);
        return people(reading)
                .publishOn(Schedulers.boundedElastic())
                .flatMap(people -> {
                    BatchRules.Resolved resolved = BatchRules.resolve(reading.lines(), people, operator.scope(), policy);
                    List<UpstreamRecord> records = resolved.lines().stream().map(line -> line.record()).toList();
                    String batchRegion = BatchRules.batchRegion(operator.scope(),
                            resolved.lines().stream().map(line -> people.get(line.certno())).toList());
                    Mono<ImportResult> decideAndStore = repository.lock(kind)
                            .then(repository.stored(kind, records))
                            .publishOn(Schedulers.boundedElastic())
                            .flatMap(stored -> {
                                BatchRules.Decided decided = BatchRules.decide(resolved.lines(), stored);
                                List<LineProblem> problems = new ArrayList<>(reading.problems());
                                problems.addAll(resolved.problems());
                                problems.addAll(decided.problems());
                                Verdict verdict = BatchRules.verdict(parsed.records(), problems, decided.decisions());
                                return conclude(kind, fileName, upload.content(), verdict, operator, batchRegion,
                                        origin);
                            });
                    return transaction.transactional(decideAndStore);
                })
                .onErrorResume(error -> record(operator, origin, false, null,
                        Phrase.of("upstream.audit.failed", kind.label(), fileName))
                        .then(Mono.error(error)));
    }

    /** A file over the size limit, noticed while it was still arriving: refused and audited like any other. */
    public Mono<ImportResult> tooLarge(ImportKind kind, String fileName, ImportOperator operator, RequestOrigin origin) {
        return notAccepted(Status.TOO_LARGE, Phrase.of("upstream.result.tooLarge", limits.maxSizeText()), kind,
                recordedName(fileName), operator, origin);
    }

    /** A file sent without a usable name is recorded as unnamed, in the records' language. */
    private String recordedName(String sent) {
        return FileNames.clean(sent).orElseGet(() -> phrases.record(Phrase.of("imports.unnamed")));
    }

    /**
     * Recent stored batches an operator may see, newest first: those of their region or of places inside it (a batch
     * belongs to its operator's region; a sandbox-feed batch to the smallest region holding all its people).
     */
    public Flux<BatchSummary> recent(OperatorScope scope, int limit) {
        List<String> visible = scope.regionCode() == null
                ? regions.withDescendants(Region.NATIONAL).stream().map(Region::code).toList()
                : regions.withDescendants(scope.regionCode()).stream().map(Region::code).toList();
        return repository.recentBatches(visible, limit);
    }

    /** Whether this exact file was already stored as a batch of this kind (the sandbox feed skips it then). */
    public Mono<Boolean> alreadyStored(ImportKind kind, byte[] content) {
        return repository.batchWithContent(kind, sha256(content));
    }

    private Mono<Map<NationalId, Person>> people(BatchRules.Reading reading) {
        return residents.findByIdNumbers(BatchRules.certnos(reading.lines())).map(found -> {
            Map<NationalId, Person> people = new HashMap<>();
            found.forEach((certno, resident) -> people.put(certno, person(resident)));
            return people;
        });
    }

    private Person person(Resident resident) {
        return new Person(resident.id(), resident.name(), regions.pathToNational(resident.insuredRegionCode()));
    }

    /** Inside the transaction: stores the batch when it changes something, and audits the attempt. */
    private Mono<ImportResult> conclude(ImportKind kind, String fileName, byte[] content, Verdict verdict,
                                        ImportOperator operator, String batchRegion, RequestOrigin origin) {
        int inserted = verdict.count(Change.INSERT);
        int updated = verdict.count(Change.UPDATE);
        int unchanged = verdict.count(Change.UNCHANGED);
        if (verdict.refused()) {
            LineProblem first = verdict.problems().get(0);
            Phrase message = first.field() == null
                    ? Phrase.of("upstream.result.refused", verdict.problems().size(), first.line(), first.reason())
                    : Phrase.of("upstream.result.refused.field", verdict.problems().size(), first.line(), first.field(),
                            first.reason());
            ImportResult result = new ImportResult(Status.REFUSED, message, null, kind, fileName, verdict.records(), 0, 0,
                    0, verdict.problems().stream().limit(limits.maxProblems()).toList(), verdict.problems().size());
            return record(operator, origin, false, null, Phrase.of("upstream.audit.refused", kind.label(), fileName,
                    verdict.records(), verdict.problems().size())).thenReturn(result);
        }
        if (verdict.changesNothing()) {
            Phrase message = Phrase.of("upstream.result.unchanged", verdict.records());
            ImportResult result = new ImportResult(Status.UNCHANGED, message, null, kind, fileName, verdict.records(), 0,
                    0, unchanged, List.of(), 0);
            return record(operator, origin, true, null, Phrase.of("upstream.audit.unchanged", kind.label(), fileName,
                    verdict.records())).thenReturn(result);
        }
        UUID batchId = UUID.randomUUID();
        Phrase message = Phrase.of("upstream.result.stored", kind.label(), verdict.records(), inserted, updated,
                unchanged);
        ImportResult result = new ImportResult(Status.STORED, message, batchId, kind, fileName, verdict.records(),
                inserted, updated, unchanged, List.of(), 0);
        List<UpstreamRecord> toInsert = verdict.decisions().stream().filter(d -> d.change() == Change.INSERT)
                .map(LineDecision::record).toList();
        List<UpstreamRecord> toUpdate = verdict.decisions().stream().filter(d -> d.change() == Change.UPDATE)
                .map(LineDecision::record).toList();
        // Updates first: a record withdrawn or revoked makes room for its replacement in the same batch.
        return repository.insertBatch(new UpstreamRepository.Batch(batchId, kind, fileName, sha256(content),
                        verdict.records(), inserted, updated, unchanged, operator.id(), batchRegion, clock.now()))
                .then(repository.update(kind, toUpdate, batchId))
                .then(repository.insert(kind, toInsert, batchId))
                .then(kind == ImportKind.ASSISTANCE ? assistanceFollowsLatestListing(toInsert) : Mono.empty())
                .then(record(operator, origin, true, batchId, Phrase.of("upstream.audit.stored", kind.label(), fileName,
                        verdict.records(), inserted, updated, unchanged)))
                .thenReturn(result);
    }

    /** A person's assistance status is the one on their latest listing (an older list arriving late changes nothing). */
    private Mono<Void> assistanceFollowsLatestListing(List<UpstreamRecord> listings) {
        List<UUID> people = listings.stream().map(r -> ((AssistanceRecord) r).residentId()).distinct().toList();
        return repository.latestAssistance(people)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(residents::recordAssistance);
    }

    private Mono<ImportResult> notAccepted(Status status, Phrase message, ImportKind kind, String fileName,
                                           ImportOperator operator, RequestOrigin origin) {
        return record(operator, origin, false, null, Phrase.of("upstream.audit.notAccepted", kind.label(), fileName,
                        message))
                .thenReturn(ImportResult.notAccepted(status, message, kind, fileName));
    }

    /** The audit row's note is kept in Chinese, like every audit row, whatever the operator's language. */
    private Mono<Void> record(ImportOperator operator, RequestOrigin origin, boolean success, UUID batchId,
                              Phrase note) {
        String detail = phrases.record(note);
        return audit.record(new AuditEntry(clock.now(),
                operator.staff() ? AuditEntry.ActorType.STAFF : AuditEntry.ActorType.SYSTEM, operator.id(), null,
                AUDIT_ACTION, success ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE,
                origin == null ? null : origin.clientAddress(), origin == null ? null : origin.userAgent(), detail,
                batchId == null ? null : batchId.toString(), origin == null ? null : origin.requestId(), null));
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
