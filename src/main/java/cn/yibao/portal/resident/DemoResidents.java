package cn.yibao.portal.resident;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.identity.domain.EvoucherIdentity;
import cn.yibao.portal.identity.domain.NationalId;
import cn.yibao.portal.identity.sandbox.DemoAccounts;
import cn.yibao.portal.identity.sandbox.DemoAccounts.DemoResident;
import cn.yibao.portal.resident.ResidentRepository.NewResident;
import cn.yibao.portal.resident.domain.AssistanceStatus;
import cn.yibao.portal.resident.domain.Category;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
    private final ResidentRegistry registry;
    private final BusinessClock clock;

    DemoResidents(ResidentRepository residents, ResidentRegistry registry, BusinessClock clock) {
        this.residents = residents;
        this.registry = registry;
        this.clock = clock;
    }

    public Mono<Void> load() {
        Instant now = clock.now();
        return Flux.fromIterable(DemoAccounts.load().residents())
                .concatMap(demo -> {
                    UUID household = householdId(demo.household());
                    return residents.upsertHousehold(household, demo.region(), now)
                            .then(residents.upsertDemo(newResident(demo), AssistanceStatus.valueOf(demo.assistance()),
                                    household, demo.relation(), demo.enrolledOn(), now));
                })
                .then();
    }

    private NewResident newResident(DemoResident demo) {
        NationalId certno = NationalId.parse(demo.certno())
                .orElseThrow(() -> new IllegalStateException("demo resident " + demo.psnNo() + " has an invalid ID number"));
        NewResident fromClaims = registry.newResident(
                new EvoucherIdentity(demo.login(), demo.name(), certno, demo.psnNo(), demo.region()));
        return new NewResident(fromClaims.certnoHash(), fromClaims.certnoCipher(), fromClaims.maskedCertno(),
                fromClaims.name(), fromClaims.birthDate(), fromClaims.psnNo(), null, fromClaims.insuredRegion(),
                Category.valueOf(demo.category()));
    }

    static UUID householdId(String demoKey) {
        return UUID.nameUUIDFromBytes(("demo-household:" + demoKey).getBytes(StandardCharsets.UTF_8));
    }
}
