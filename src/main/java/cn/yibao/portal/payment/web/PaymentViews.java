package cn.yibao.portal.payment.web;

import cn.yibao.portal.payment.PaymentItem;
import cn.yibao.portal.payment.Refunds;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.Receipt;
import cn.yibao.portal.payment.domain.RefundRules;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON shapes of the payment API. Money fields end in {@code Fen}. */
final class PaymentViews {

    private PaymentViews() {
    }

    record Created(UUID paymentId, String status, long amountFen, String payUrl, Instant expiresAt) {

        static Created of(PaymentOrder order) {
            return new Created(order.id(), order.status().name(), order.amountFen(), order.payUrl(), order.expiresAt());
        }
    }

    record Insured(UUID personId, String maskedName, long amountFen, long standardFen, long assistanceFen,
                   Integer grade, String citation, String state, String receiptNo) {
    }

    record Detail(UUID paymentId, String orderNo, int year, String channel, String status, long amountFen,
                  String payUrl, Instant createdAt, Instant expiresAt, Instant paidAt, String transactionId,
                  boolean underReview, List<Insured> insured, List<RefundView> refunds) {

        static Detail of(PaymentOrder order, List<Insured> insured, List<RefundView> refunds) {
            return new Detail(order.id(), order.orderNo(), order.benefitYear(), order.channel().name(),
                    order.status().name(), order.amountFen(), order.status().isOpen() ? order.payUrl() : null,
                    order.createdAt(), order.expiresAt(), order.paidAt(), order.transactionId(),
                    order.reviewReason() != null, insured, refunds);
        }
    }

    /**
     * A refund of the order: its own number and status; {@code wholeOrder} when it returns all the order held; why,
     * when it was asked for and done ({@code completedAt} once the channel refunded), and where the money goes
     * ({@code ORIGINAL_ACCOUNT} or {@code CASH_AT_COUNTER}).
     */
    record RefundView(String refundNo, long amountFen, String cause, String status, boolean wholeOrder, String reason,
                      Instant requestedAt, Instant completedAt, String destination) {

        static RefundView of(Refunds.Refund refund, PaymentOrder order) {
            return new RefundView(refund.refundNo(), refund.amountFen(), refund.cause().name(), refund.status(),
                    refund.wholeOrder(), refund.reason(), refund.requestedAt(),
                    "SUCCEEDED".equals(refund.status()) ? refund.updatedAt() : null,
                    RefundRules.destination(order.channel()).name());
        }
    }

    static Insured insured(PaymentItem item, String maskedName) {
        return new Insured(item.insuredId(), maskedName, item.amountFen(), item.standardFen(), item.assistanceFen(),
                item.grade(), item.citation(), item.state().name(), item.receiptNo());
    }

    record ReceiptView(String receiptNo, String payerName, String insuredName, String insuredIdMasked, String region,
                       int year, long amountFen, String channel, String orderNo, String transactionId, Instant paidAt,
                       String verificationUrl, String pdfUrl) {

        static ReceiptView of(Receipt receipt, UUID paymentId) {
            return new ReceiptView(receipt.receiptNo(), receipt.payerName(), receipt.insuredName(),
                    receipt.insuredIdMasked(), receipt.insuredRegionName(), receipt.benefitYear(), receipt.amountFen(),
                    receipt.channel().name(), receipt.orderNo(), receipt.transactionId(), receipt.paidAt(),
                    receipt.verificationUrl(), "/payment/" + paymentId + "/receipts/" + receipt.receiptNo() + ".pdf");
        }
    }
}
