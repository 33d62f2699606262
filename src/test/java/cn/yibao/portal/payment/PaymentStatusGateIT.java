package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.PaymentTransitions;
import cn.yibao.portal.payment.domain.TransitionCause;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The status graph is the gate of every change, not only of notifications: asked to move an order along an edge the
 * graph does not have, the repository refuses with an exception and writes nothing — no status, no version, no
 * event, no audit row.
 */
class PaymentStatusGateIT extends PaymentsOverHttp {

    @Autowired
    PaymentRepository repository;

    @Autowired
    BusinessClock clock;

    private static final PaymentActor TEST = PaymentActor.system("PAYMENT_STATUS_GATE_IT");

    private String snapshot(UUID orderId) {
        return text("select o.status || ' v' || o.version || ' events ' "
                + "|| (select count(*) from payment_event e where e.order_id = o.id) || ' audit ' "
                + "|| (select count(*) from audit_event a where a.object_id = o.id::text) "
                + "from payment_order o where o.id = $1", orderId);
    }

    @Test
    void aPaidOrderIsNotMovedBackToAwaitingPaymentNorClosedAndNothingIsWritten() throws InterruptedException {
        Payer payer = freshPayer("公孙止");
        String paymentId = placeSelfOrder(payer);
        payAtSandbox(orderNo(payer, paymentId), "ONCE");
        waitForStatus(payer, paymentId, "PAID", Duration.ofSeconds(30));
        UUID orderId = UUID.fromString(paymentId);
        String before = snapshot(orderId);
        PaymentOrder paid = repository.find(orderId).block();

        for (PaymentStatus forbidden : new PaymentStatus[] {PaymentStatus.AWAITING_PAYMENT, PaymentStatus.CLOSED,
                PaymentStatus.FAILED, PaymentStatus.REFUNDED, PaymentStatus.CREATED, PaymentStatus.PAID}) {
            assertThatThrownBy(() -> repository.transition(paid, StatusChange.to(forbidden, TransitionCause.EXPIRED,
                            "不应发生", TEST), clock.now()).block())
                    .as("PAID → %s", forbidden)
                    .isInstanceOf(PaymentTransitions.Forbidden.class)
                    .hasMessageContaining("PAID → " + forbidden);
        }

        assertThat(snapshot(orderId)).as("nothing written").isEqualTo(before);
        assertThat(repository.transition(paid, StatusChange.to(PaymentStatus.REFUNDING,
                TransitionCause.OPERATOR_REFUND, "测试：图中的边照常通过", TEST), clock.now()).block())
                .as("an edge of the graph still passes").isTrue();
        assertThat(status(payer, paymentId)).isEqualTo("REFUNDING");
    }

    @Test
    void anOpenOrderCannotBeRefundedWithoutHavingBeenPaid() {
        Payer payer = freshPayer("裘千尺");
        UUID orderId = UUID.fromString(placeSelfOrder(payer));
        String before = snapshot(orderId);
        PaymentOrder open = repository.find(orderId).block();

        assertThatThrownBy(() -> repository.transition(open, StatusChange.to(PaymentStatus.REFUNDING,
                        TransitionCause.OPERATOR_REFUND, "不应发生", TEST), clock.now()).block())
                .isInstanceOf(PaymentTransitions.Forbidden.class);

        assertThat(snapshot(orderId)).isEqualTo(before);
    }
}
