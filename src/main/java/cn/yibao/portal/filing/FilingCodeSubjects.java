package cn.yibao.portal.filing;

import cn.yibao.portal.filing.domain.FilingStatus;
import cn.yibao.portal.qrcode.CodeSubjects;
import cn.yibao.portal.qrcode.domain.CodePurpose;
import cn.yibao.portal.resident.ResidentRegistry;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What a FILING code shows to anyone who verifies it: masked holder, type, destination, validity, status. */
@Component
class FilingCodeSubjects implements CodeSubjects {

    private final FilingRepository filings;
    private final Filings service;
    private final ResidentRegistry residents;

    FilingCodeSubjects(FilingRepository filings, Filings service, ResidentRegistry residents) {
        this.filings = filings;
        this.service = service;
        this.residents = residents;
    }

    @Override
    public CodePurpose purpose() {
        return CodePurpose.FILING;
    }

    @Override
    public Mono<Subject> describe(UUID subject) {
        return filings.find(subject).flatMap(filing -> residents.findById(filing.insuredId()).map(insured -> new Subject(
                insured.maskedName(),
                service.regionName(filing.destination()),
                service.rulesOf(filing).name() + "，" + filing.startDate() + " 至 "
                        + (filing.endDate() == null ? "长期" : filing.endDate().toString()) + "，备案号 " + filing.number(),
                filing.status() == FilingStatus.EFFECTIVE ? null
                        : filing.status() == FilingStatus.EXPIRED ? "已过期" : "已撤销", insured.insuredRegionCode())));
    }
}
