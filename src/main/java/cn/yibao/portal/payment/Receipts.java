package cn.yibao.portal.payment;

import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.Receipt;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.qrcode.Codes;
import cn.yibao.portal.qrcode.domain.CodePurpose;
import cn.yibao.portal.resident.ResidentRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * E-receipts: one per person a paid order paid for, in masked form, with a long-lived RECEIPT code whose QR links to
 * the public verification page.
 */
@Service
public class Receipts {

    private final PaymentRepository payments;
    private final ResidentRegistry residents;
    private final RegionCatalog regions;
    private final Codes codes;
    private final Duration codeLifetime;

    Receipts(PaymentRepository payments, ResidentRegistry residents, RegionCatalog regions, Codes codes,
             @Value("${portal.payment.receipt-code-lifetime:P3650D}") Duration codeLifetime) {
        this.payments = payments;
        this.residents = residents;
        this.regions = regions;
        this.codes = codes;
        this.codeLifetime = codeLifetime;
    }

    /** Receipts of the order's paid people; {@code baseUrl} makes the QR's link absolute (scanned from paper). */
    public Flux<Receipt> of(PaymentOrder order, String baseUrl) {
        return payments.items(order.id())
                .filter(item -> item.state() == ItemState.PAID && item.receiptNo() != null)
                .concatMap(item -> receipt(order, item, baseUrl));
    }

    public Mono<Receipt> one(PaymentOrder order, String receiptNo, String baseUrl) {
        return of(order, baseUrl).filter(receipt -> receipt.receiptNo().equals(receiptNo)).next();
    }

    private Mono<Receipt> receipt(PaymentOrder order, PaymentItem item, String baseUrl) {
        String token = codes.issue(CodePurpose.RECEIPT, item.receiptId(), codeLifetime).token();
        return Mono.zip(residents.findById(order.payerId()), residents.findById(item.insuredId()))
                .map(people -> new Receipt(item.receiptNo(), people.getT1().maskedName(), people.getT2().maskedName(),
                        people.getT2().maskedCertno(), regions.displayName(people.getT2().insuredRegionCode(), ""),
                        item.benefitYear(), item.amountFen(), order.channel(), order.orderNo(), order.transactionId(),
                        order.paidAt(), baseUrl + "/verify?t=" + token));
    }
}
