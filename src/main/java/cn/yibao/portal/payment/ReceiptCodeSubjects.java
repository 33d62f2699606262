package cn.yibao.portal.payment;

import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.qrcode.CodeSubjects;
import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.resident.ResidentRegistry;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.shared.Phrase;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What a receipt's QR code stands for on the public verification page: masked, and whether it still holds. */
@Component
class ReceiptCodeSubjects implements CodeSubjects {

    private final PaymentRepository payments;
    private final ResidentRegistry residents;
    private final RegionCatalog regions;

    ReceiptCodeSubjects(PaymentRepository payments, ResidentRegistry residents, RegionCatalog regions) {
        this.payments = payments;
        this.residents = residents;
        this.regions = regions;
    }

    @Override
    public CodePurpose purpose() {
        return CodePurpose.RECEIPT;
    }

    @Override
    public Mono<Subject> describe(UUID subject) {
        return payments.itemByReceipt(subject).flatMap(item -> residents.findById(item.insuredId()).map(insured ->
                new Subject(insured.maskedName(), regions.displayName(insured.insuredRegionCode(), ""),
                        Phrase.of("verify.receipt.line", item.benefitYear(), Money.yuan(item.amountFen()), item.receiptNo()),
                        item.state() == ItemState.PAID ? null : Phrase.of("verify.receipt.refunded"),
                        insured.insuredRegionCode())));
    }
}
