package cn.yibao.portal.benefit;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.domain.CapUse;
import cn.yibao.portal.benefit.domain.Figure;
import cn.yibao.portal.prescription.TwoDiseaseAllowance;
import cn.yibao.portal.resident.api.Resident;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The two-disease annual cap for the prescriptions page, from the benefit rules; never a made-up figure. */
@Component
class TwoDiseaseAllowances implements TwoDiseaseAllowance {

    private final BenefitSchedules schedules;


    TwoDiseaseAllowances(BenefitSchedules schedules) {
        this.schedules = schedules;
    }

    @Override
    public Mono<Allowance> of(Resident person, int benefitYear, long usedFundFen) {
        return Mono.justOrEmpty(schedules.forRegion(person.insuredRegionCode(), benefitYear)).map(schedule -> {
            CapUse use = new CapUse(CareSetting.TWO_DISEASE, schedule.annualCap(CareSetting.TWO_DISEASE),
                    usedFundFen);
            Figure cap = use.cap();
            String citation = cap.citation() == null ? null : cap.citation().document() + " " + cap.citation().clause();
            return new Allowance(cap.display(), use.remainingFen(), citation, cap.note());
        });
    }
}
