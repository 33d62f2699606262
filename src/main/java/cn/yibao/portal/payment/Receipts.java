package cn.yibao.portal.payment;

import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.Receipt;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.qrcode.Codes;
import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.resident.api.Resident;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    private final Payments payments;
    private final RegionCatalog regions;
    private final Codes codes;
    private final Duration codeLifetime;

    Receipts(Payments payments, RegionCatalog regions, Codes codes,
             @Value("${portal.payment.receipt-code-lifetime:P3650D}") Duration codeLifetime) {
        this.payments = payments;
        this.regions = regions;
        this.codes = codes;
        this.codeLifetime = codeLifetime;
    }

    /** Receipts of the order's paid people; {@code baseUrl} makes the QR's link absolute (scanned from paper). */
    public Flux<Receipt> of(PaymentOrder order, String baseUrl) {
        return payments.partsOf(order).flatMapIterable(parts -> of(order, parts, baseUrl));
    }

    /** The same from parts already read (no query). */
    public List<Receipt> of(PaymentOrder order, OrderParts parts, String baseUrl) {
        return parts.itemsOf(order).stream()
                .filter(item -> item.state() == ItemState.PAID && item.receiptNo() != null)
                .flatMap(item -> receipt(order, item, parts, baseUrl).stream())
                .toList();
    }

    public Mono<Receipt> one(PaymentOrder order, String receiptNo, String baseUrl) {
        return of(order, baseUrl).filter(receipt -> receipt.receiptNo().equals(receiptNo)).next();
    }

    private Optional<Receipt> receipt(PaymentOrder order, PaymentItem item, OrderParts parts, String baseUrl) {
        Optional<Resident> payer = parts.person(order.payerId());
        Optional<Resident> insured = parts.person(item.insuredId());
        if (payer.isEmpty() || insured.isEmpty()) {
            return Optional.empty();
        }
        String token = codes.issue(CodePurpose.RECEIPT, item.receiptId(), codeLifetime).token();
        return Optional.of(new Receipt(item.receiptNo(), payer.get().maskedName(), insured.get().maskedName(),
                insured.get().maskedCertno(), regions.displayName(insured.get().insuredRegionCode(), ""),
                item.benefitYear(), item.amountFen(), order.channel(), order.orderNo(), order.transactionId(),
                order.paidAt(), baseUrl + "/verify?t=" + token, order.payerId().equals(item.insuredId()) ? "SELF" : null));
    }
}
