package cn.yibao.portal.resident;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.identity.ResidentSignIn;
import cn.yibao.portal.identity.api.EvoucherIdentity;
import cn.yibao.portal.resident.ResidentRepository.NewResident;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Categories;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.NationalId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Finds the resident behind an e-voucher identity, creating the record on first sign-in. */
@Service
public class ResidentRegistry implements ResidentSignIn {

    private final ResidentRepository residents;
    private final IdNumberProtection idNumbers;
    private final BusinessClock clock;

    ResidentRegistry(ResidentRepository residents, IdNumberProtection idNumbers, BusinessClock clock) {
        this.residents = residents;
        this.idNumbers = idNumbers;
        this.clock = clock;
    }

    /** Called at every sign-in: creates or matches the record (on the ID number) and refreshes it from the claims. */
    @Override
    public Mono<UUID> signedIn(EvoucherIdentity identity) {
        return register(identity).map(Resident::id);
    }

    /**
     * Two first requests of the same person at once (an app firing several calls after sign-in) both insert; the
     * upsert's arbiter is the ID-number hash, so the loser can trip over another unique column (psn_no, subject)
     * before it sees the winner's row. Trying again takes the update path.
     */
    private Mono<Resident> register(EvoucherIdentity identity) {
        return Mono.defer(() -> residents.upsertFromSignIn(newResident(identity), clock.now()))
                .retryWhen(Retry.max(2).filter(DuplicateKeyException.class::isInstance));
    }

    /** The resident for an identity already signed in (page session or bearer token); registers them if unseen. */
    public Mono<Resident> findOrRegister(EvoucherIdentity identity) {
        return residents.findByCertnoHash(idNumbers.lookupHash(identity.certno()))
                .switchIfEmpty(Mono.defer(() -> register(identity)));
    }

    public Mono<Resident> findById(UUID id) {
        return residents.findById(id);
    }

    /** The residents with these ids, in one query, by id (unknown ids are absent). */
    public Mono<Map<UUID, Resident>> findAllById(Collection<UUID> ids) {
        return ids.isEmpty() ? Mono.just(Map.of())
                : residents.findAllById(Set.copyOf(ids)).collectMap(Resident::id);
    }

    /** The resident with this ID number, if known here (e.g. a help-desk worker typing it in). */
    public Mono<Resident> findByIdNumber(NationalId certno) {
        return residents.findByCertnoHash(idNumbers.lookupHash(certno));
    }

    /**
     * The residents with these ID numbers that are known here, found in one query (batch imports name a thousand
     * people at a time). Unknown numbers are simply absent from the map.
     */
    public Mono<Map<NationalId, Resident>> findByIdNumbers(Collection<NationalId> certnos) {
        if (certnos.isEmpty()) {
            return Mono.just(Map.of());
        }
        Map<String, NationalId> byHash = new HashMap<>();
        certnos.forEach(certno -> byHash.put(HexFormat.of().formatHex(idNumbers.lookupHash(certno)), certno));
        return residents.findByCertnoHashes(byHash.keySet())
                .collectMap(found -> byHash.get(found.hashHex()), ResidentRepository.WithHash::resident);
    }

    /**
     * Records the assisted-enrolment statuses (资助参保) that the civil-affairs or rural-revitalisation lists give for
     * residents, in one statement however many; the contribution due follows them.
     */
    public Mono<Void> recordAssistance(Map<UUID, AssistanceStatus> statuses) {
        return statuses.isEmpty() ? Mono.empty() : residents.updateAssistance(statuses, clock.now());
    }

    NewResident newResident(EvoucherIdentity identity) {
        NationalId certno = identity.certno();
        return new NewResident(idNumbers.lookupHash(certno), idNumbers.encrypt(certno), certno.masked(),
                identity.name(), certno.birthDate(), identity.psnNo(), identity.subject(),
                identity.insuredRegionCode(), Categories.initialCategory(certno.birthDate(), clock.today()));
    }
}
