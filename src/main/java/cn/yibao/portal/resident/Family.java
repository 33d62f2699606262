package cn.yibao.portal.resident;

import cn.yibao.portal.audit.AuditTrail;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.resident.api.Categories;
import cn.yibao.portal.resident.api.Relation;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.resident.domain.BindingRules;
import cn.yibao.portal.resident.domain.FamilyBinding.Status;
import cn.yibao.portal.shared.NationalId;
import cn.yibao.portal.shared.Phrase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Binding family members: loads the people and bindings, asks {@link BindingRules}, stores the outcome. Every
 * operation is scoped to the signed-in resident: nobody reads or changes another household's bindings.
 */
@Service
public class Family {

    private final FamilyRepository bindings;
    private final ResidentRepository residents;
    private final IdNumberProtection idNumbers;
    private final BusinessClock clock;
    private final AuditTrail audit;

    Family(FamilyRepository bindings, ResidentRepository residents, IdNumberProtection idNumbers, BusinessClock clock,
           AuditTrail audit) {
        this.bindings = bindings;
        this.residents = residents;
        this.idNumbers = idNumbers;
        this.clock = clock;
        this.audit = audit;
    }

    /** Binding decides who may see and pay for whom: every attempt is audited (no ID number in the row). */
    private <T> Mono<T> audited(Resident me, String action, boolean success, String detail, Object object,
                                RequestOrigin origin, T result) {
        return audit.record(new AuditEntry(clock.now(), AuditEntry.ActorType.RESIDENT, me.id().toString(), me.id(),
                        action, success ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE,
                        origin.clientAddress(), origin.userAgent(), detail, object == null ? null : object.toString(),
                        origin.requestId(), null))
                .thenReturn(result);
    }

    /** The person on the other side of a binding; {@code mine} when the signed-in resident is its owner. */
    public record Member(UUID bindingId, Resident person, Relation relation, Status status, boolean mine) {
    }

    public record Overview(List<Member> members, List<Member> invitations, List<Member> boundBy) {
    }

    public sealed interface BindOutcome {
    }

    public record Bound(UUID memberId, Status status) implements BindOutcome {
    }

    public record NotFound() implements BindOutcome {
    }

    public record Refused(Phrase reason, boolean conflict) implements BindOutcome {
    }

    public record InvalidInput(String field, Phrase reason) implements BindOutcome {
    }

    /** My members (active or awaiting their answer), invitations waiting for my answer, and who has bound me. */
    public Mono<Overview> overviewOf(Resident me) {
        // Two queries whatever the size of the household: the bindings, then everyone they name at once.
        return bindings.openBindingsOf(me.id()).collectList()
                .flatMap(open -> open.isEmpty() ? Mono.just(List.<Member>of())
                        : residents.findAllById(open.stream().map(binding -> binding.otherThan(me.id())).toList())
                                .collectMap(Resident::id)
                                .map(people -> open.stream()
                                        .filter(binding -> people.containsKey(binding.otherThan(me.id())))
                                        .map(binding -> new Member(binding.id(), people.get(binding.otherThan(me.id())),
                                                binding.relation(), binding.status(), binding.ownerId().equals(me.id())))
                                        .toList()))
                .map(all -> new Overview(
                        all.stream().filter(Member::mine).toList(),
                        all.stream().filter(m -> !m.mine() && m.status() == Status.PENDING).toList(),
                        all.stream().filter(m -> !m.mine() && m.status() == Status.ACTIVE).toList()));
    }

    /** The active members of an overview already read who are minors today (no query). */
    public List<Resident> boundMinorsIn(Overview overview) {
        return overview.members().stream()
                .filter(member -> member.status() == Status.ACTIVE
                        && Categories.isMinorOn(member.person().birthDate(), clock.today()))
                .map(Member::person)
                .toList();
    }

    /** Bound members who are minors today: whom a resident may file for and show a 医保码 for. */
    public Flux<Resident> boundMinors(Resident me) {
        return boundMinorMembers(me).map(Member::person);
    }

    /** The same, with how each is related to the resident. */
    public Flux<Member> boundMinorMembers(Resident me) {
        return activeMembersOf(me).filter(member -> Categories.isMinorOn(member.person().birthDate(), clock.today()));
    }

    /** The bound minor with that id, or empty. */
    public Mono<Resident> boundMinor(Resident me, String id) {
        return boundMinors(me).filter(person -> person.id().toString().equals(id)).next();
    }

    /** Active members I may act for (pay, see contributions). */
    public Flux<Member> activeMembersOf(Resident me) {
        return overviewOf(me).flatMapIterable(overview -> overview.members().stream()
                .filter(member -> member.status() == Status.ACTIVE).toList());
    }

    /** Someone of the resident's household: the resident ({@code SELF}) or an active bound member, and how related. */
    public record Person(Resident resident, String relation) {

        public boolean self() {
            return "SELF".equals(relation);
        }
    }

    /**
     * The household as every page and the API list it: the resident first, then the active bound members by
     * {@link Relation#listingRank()} (spouse, parents, children, others), each group in the order bound. Two queries
     * whatever the size of the household (see {@link #overviewOf}).
     */
    public Mono<List<Person>> household(Resident me) {
        return activeMembersOf(me).collectList().map(members -> {
            List<Person> people = new ArrayList<>();
            people.add(new Person(me, "SELF"));
            members.stream()
                    .sorted(Comparator.comparingInt(member -> member.relation().listingRank()))
                    .forEach(member -> people.add(new Person(member.person(), member.relation().name())));
            return people;
        });
    }

    /** The same, the bound members limited to those who are minors today: whose benefits and filings one may see. */
    public Mono<List<Person>> selfAndBoundMinors(Resident me) {
        return household(me).map(people -> people.stream()
                .filter(person -> person.self() || Categories.isMinorOn(person.resident().birthDate(), clock.today()))
                .toList());
    }

    public Mono<BindOutcome> bind(Resident me, String certno, String name, Relation relation, RequestOrigin origin) {
        return bind(me, certno, name, relation).flatMap(outcome -> audited(me, "FAMILY_BIND",
                outcome instanceof Bound, outcome instanceof Bound bound ? "member=" + bound.memberId() + " " + bound.status()
                        : outcome.getClass().getSimpleName(), outcome instanceof Bound bound ? bound.memberId() : null,
                origin, outcome));
    }

    private Mono<BindOutcome> bind(Resident me, String typedCertno, String name, Relation relation) {
        Phrase problem = certnoProblem(typedCertno);
        if (problem != null) {
            return Mono.just(new InvalidInput("certno", problem));
        }
        if (name == null || name.isBlank()) {
            return Mono.just(new InvalidInput("name", NAME_MISSING));
        }
        // As people type it: grouped 6-8-4, with spaces, full-width digits, a lower-case x (see NationalId.normalise).
        String certno = NationalId.normalise(typedCertno);
        NationalId id = NationalId.parse(certno).orElseThrow();
        return residents.findByCertnoHash(idNumbers.lookupHash(id))
                // Name and number must both match; a mismatch looks exactly like "no such person".
                .filter(candidate -> candidate.name().equals(name.strip()))
                .flatMap(candidate -> bindings.openBindingsBetween(me.id(), candidate.id()).collectList()
                        .flatMap(open -> store(me, candidate,
                                BindingRules.decide(me, candidate, relation, clock.today(), open))))
                .defaultIfEmpty(new NotFound());
    }

    public static final Phrase NAME_MISSING = Phrase.of("family.refused.name");

    /**
     * Why an ID number as typed cannot be one (after {@link NationalId#normalise}), with how many characters were
     * typed when the length is what is wrong; {@code null} when it is a valid number.
     */
    public static Phrase certnoProblem(String typedCertno) {
        String certno = NationalId.normalise(typedCertno);
        Phrase problem = NationalId.problem(certno);
        return problem == null ? null : Phrase.of("family.certno.problem", problem, typedLength(certno));
    }

    /** "（您输入了 17 位）" when the length is what is wrong, so that a missing or extra digit is easy to find. */
    private static Object typedLength(String certno) {
        return certno != null && !certno.isBlank() && certno.length() != 18 && certno.length() < 40
                ? Phrase.of("family.certno.typed", certno.length()) : "";
    }

    /**
     * Undoes my own 解除绑定: binds the same person again under the same relation, by the rules as they stand today —
     * a minor of my household at once, an adult by a new invitation they must accept. Only someone I had bound myself
     * (the last binding I ended with them); anything else is {@link NotFound}.
     */
    public Mono<BindOutcome> rebind(Resident me, UUID memberId, RequestOrigin origin) {
        return bindings.lastUnbound(me.id(), memberId)
                .flatMap(ended -> residents.findById(memberId)
                        .flatMap(candidate -> bindings.openBindingsBetween(me.id(), candidate.id()).collectList()
                                .flatMap(open -> store(me, candidate,
                                        BindingRules.decide(me, candidate, ended.relation(), clock.today(), open)))))
                .defaultIfEmpty(new NotFound())
                .flatMap(outcome -> audited(me, "FAMILY_BIND", outcome instanceof Bound,
                        "undo unbind member=" + memberId + (outcome instanceof Bound bound ? " " + bound.status()
                                : " " + outcome.getClass().getSimpleName()),
                        outcome instanceof Bound ? memberId : null, origin, outcome));
    }

    private Mono<BindOutcome> store(Resident me, Resident candidate, BindingRules.Decision decision) {
        if (decision instanceof BindingRules.Refused refused) {
            return Mono.just(new Refused(refused.reason(), refused.conflict()));
        }
        boolean direct = decision instanceof BindingRules.BindDirectly;
        Relation relation = direct ? ((BindingRules.BindDirectly) decision).relation()
                : ((BindingRules.Invite) decision).relation();
        Status status = direct ? Status.ACTIVE : Status.PENDING;
        return bindings.insert(me.id(), candidate.id(), relation, status, clock.now())
                .map(inserted -> inserted ? new Bound(candidate.id(), status)
                        : new Refused(Phrase.of("family.refused.boundOrInvited"), true));
    }

    /** The invited member accepts or declines; false if there is no such pending invitation for me. */
    public Mono<Boolean> answer(Resident me, UUID bindingId, boolean accept, RequestOrigin origin) {
        return answer(me, bindingId, accept).flatMap(done -> audited(me, accept ? "FAMILY_ACCEPT" : "FAMILY_DECLINE",
                done, "binding=" + bindingId, bindingId, origin, done));
    }

    private Mono<Boolean> answer(Resident me, UUID bindingId, boolean accept) {
        return bindings.openBindingsOf(me.id())
                .filter(binding -> binding.id().equals(bindingId) && binding.memberId().equals(me.id())
                        && binding.status() == Status.PENDING)
                .next()
                .flatMap(binding -> bindings.transition(binding.id(), Status.PENDING,
                        accept ? Status.ACTIVE : Status.DECLINED, clock.now()))
                .defaultIfEmpty(false);
    }

    /** Ends the open binding between me and the other person, whichever side bound whom. */
    public Mono<Boolean> unbind(Resident me, UUID otherResidentId, RequestOrigin origin) {
        return unbind(me, otherResidentId).flatMap(done -> audited(me, "FAMILY_UNBIND", done,
                "other=" + otherResidentId, otherResidentId, origin, done));
    }

    private Mono<Boolean> unbind(Resident me, UUID otherResidentId) {
        return bindings.openBindingsBetween(me.id(), otherResidentId)
                .next()
                .flatMap(binding -> bindings.transition(binding.id(), binding.status(), Status.UNBOUND, clock.now()))
                .defaultIfEmpty(false);
    }
}
