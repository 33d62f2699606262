package cn.yibao.portal.resident;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.identity.DemoAccounts.DemoResident;
import cn.yibao.portal.identity.DemoAccounts;
import cn.yibao.portal.identity.api.EvoucherIdentity;
import cn.yibao.portal.resident.ResidentRepository.NewResident;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import cn.yibao.portal.resident.api.Relation;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.resident.domain.FamilyBinding;
import cn.yibao.portal.shared.NationalId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The sandbox demo residents and households ({@code sandbox/demo-accounts.json}) as rows. Idempotent: the same
 * households (stable ids) and residents (matched on the ID number) every time, with their demo category,
 * assistance status and household restored.
 */
@Service
public class DemoResidents {

    private final ResidentRepository residents;
    private final FamilyRepository family;
    private final ResidentRegistry registry;
    private final BusinessClock clock;

    DemoResidents(ResidentRepository residents, FamilyRepository family, ResidentRegistry registry,
                  BusinessClock clock) {
        this.residents = residents;
        this.family = family;
        this.registry = registry;
        this.clock = clock;
    }

    public Mono<Void> load() {
        Instant now = clock.now();
        List<DemoResident> people = DemoAccounts.load().residents();
        return Flux.fromIterable(people)
                .concatMap(demo -> {
                    UUID household = householdId(demo.household());
                    return residents.upsertHousehold(household, demo.region(), now)
                            .then(residents.upsertDemo(newResident(demo), AssistanceStatus.valueOf(demo.assistance()),
                                    household, demo.relation(), demo.enrolledOn(), now));
                })
                .then(bindHouseholds(people, now));
    }

    /** In each demo household the SELF person has the others bound already (open bindings are left as they are). */
    private Mono<Void> bindHouseholds(List<DemoResident> people, Instant now) {
        return Flux.fromIterable(people)
                .filter(owner -> "SELF".equals(owner.relation()))
                .concatMap(owner -> Flux.fromIterable(people)
                        .filter(member -> member.household().equals(owner.household()) && member != owner)
                        .concatMap(member -> InTurn.zip(idOf(owner), idOf(member))
                                .flatMap(ids -> family.insert(ids.getT1(), ids.getT2(),
                                        Relation.valueOf(member.relation()), FamilyBinding.Status.ACTIVE, now))))
                .then();
    }

    private Mono<UUID> idOf(DemoResident demo) {
        return residents.findByCertnoHash(registry.newResident(identity(demo)).certnoHash()).map(Resident::id);
    }

    private static EvoucherIdentity identity(DemoResident demo) {
        return new EvoucherIdentity(demo.login(), demo.name(), NationalId.parse(demo.certno()).orElseThrow(),
                demo.psnNo(), demo.region());
    }

    private NewResident newResident(DemoResident demo) {
        NewResident fromClaims = registry.newResident(identity(demo));
        return new NewResident(fromClaims.certnoHash(), fromClaims.certnoCipher(), fromClaims.maskedCertno(),
                fromClaims.name(), fromClaims.birthDate(), fromClaims.psnNo(), null, fromClaims.insuredRegion(),
                Category.valueOf(demo.category()));
    }

    static UUID householdId(String demoKey) {
        return UUID.nameUUIDFromBytes(("demo-household:" + demoKey).getBytes(StandardCharsets.UTF_8));
    }
}
