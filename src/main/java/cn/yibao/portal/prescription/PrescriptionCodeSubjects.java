package cn.yibao.portal.prescription;

import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.prescription.domain.PrescriptionLabels;
import cn.yibao.portal.qrcode.CodeSubjects;
import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.resident.ResidentRegistry;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Region;
import cn.yibao.portal.shared.Verbatim;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a PRESCRIPTION (pickup) code shows the pharmacy or desk worker who verifies it (staff only): the masked
 * holder, their insured region, the medicine and who prescribed it when — and that it is spent once picked up.
 */
@Component
class PrescriptionCodeSubjects implements CodeSubjects {

    private final Prescriptions prescriptions;
    private final ResidentRegistry residents;
    private final RegionCatalog regions;

    PrescriptionCodeSubjects(Prescriptions prescriptions, ResidentRegistry residents, RegionCatalog regions) {
        this.prescriptions = prescriptions;
        this.residents = residents;
        this.regions = regions;
    }

    @Override
    public CodePurpose purpose() {
        return CodePurpose.PRESCRIPTION;
    }

    @Override
    public Mono<Subject> describe(UUID subject) {
        return prescriptions.find(subject).flatMap(prescription -> residents.findById(prescription.residentId())
                .map(holder -> new Subject(holder.maskedName(),
                        regions.find(holder.insuredRegionCode()).map(Region::name).orElse(holder.insuredRegionCode()),
                        Phrase.of("verify.prescription.line", PrescriptionLabels.disease(prescription.disease()),
                                new Verbatim(PrescriptionLabels.drugLine(prescription)),
                                new Verbatim(prescription.facilityName()),
                                prescription.prescribedOn()),
                        PrescriptionLabels.pickupClosedBecause(prescription.status()), holder.insuredRegionCode())));
    }
}
