package cn.yibao.portal.filing;

import cn.yibao.portal.filing.domain.FilingStatus;
import cn.yibao.portal.qrcode.CodeSubjects;
import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.qrcode.api.CodeTokens;
import cn.yibao.portal.resident.ResidentRegistry;
import cn.yibao.portal.shared.Phrase;
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
                Phrase.of("verify.filing.line", service.rulesOf(filing).label(), filing.startDate(),
                        filing.endDate() == null ? Phrase.of("filing.period.longTerm") : filing.endDate(), filing.number()),
                filing.status() == FilingStatus.EFFECTIVE ? null
                        : filing.status() == FilingStatus.EXPIRED ? CodeTokens.Reason.EXPIRED.said()
                        : CodeTokens.Reason.REVOKED.said(), insured.insuredRegionCode())));
    }
}
