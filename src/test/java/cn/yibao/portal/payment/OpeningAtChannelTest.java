package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.channel.PaymentChannel;
import cn.yibao.portal.payment.domain.Checkout;
import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.text.RealBundles;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Opening an order at its channel: WeChat's JSAPI parameters reach the payer's page only when the order is now
 * awaiting payment because we moved it there; a channel that refuses leaves the order FAILED and its people free.
 */
class OpeningAtChannelTest {

    static final Map<String, String> JSAPI = Map.of("appId", "wx8888888888888888", "package", "prepay_id=wx1");

    private final PaymentRepository payments = mock(PaymentRepository.class);
    private final PaymentChannels channels = mock(PaymentChannels.class);
    private final PaymentChannel wechat = mock(PaymentChannel.class);
    private final TransactionalOperator transaction = mock(TransactionalOperator.class);
    private final PaymentOrder created = order(PaymentStatus.CREATED);
    private OpeningAtChannel opening;

    @BeforeEach
    void wire() {
        when(channels.require(PaymentChannelId.WECHAT_PAY)).thenReturn(wechat);
        when(transaction.transactional(any(Mono.class))).thenAnswer(call -> call.getArgument(0));
        opening = new OpeningAtChannel(payments, channels, BusinessClock.realTime(ZoneId.of("Asia/Shanghai")),
                transaction, "https://portal.example.cn", RealBundles.phrases());
    }

    private static PaymentOrder order(PaymentStatus status) {
        return new PaymentOrder(UUID.fromString("00000000-0000-0000-0000-00000000000a"), "YB1", UUID.randomUUID(),
                2024, PaymentChannelId.WECHAT_PAY, 38000, status, 0, null, null, Instant.EPOCH,
                Instant.EPOCH.plusSeconds(1800), null, null, "141121");
    }

    private static OrderRequest request() {
        return new OrderRequest(2024, List.of("SELF"), PaymentChannelId.WECHAT_PAY, null, true, "openid", "10.0.0.1",
                false, PaymentActor.system("TEST"));
    }

    private void movedTo(PaymentStatus status, boolean moved) {
        when(payments.transition(eq(created), argThat(change -> change.to() == status), any()))
                .thenReturn(Mono.just(moved));
    }

    @Test
    void theJsapiParametersReachThePageWhenTheChannelOpenedTheOrder() {
        when(wechat.open(any(), anyBoolean())).thenReturn(Mono.just(new Checkout("https://portal.example.cn/r", JSAPI)));
        movedTo(PaymentStatus.AWAITING_PAYMENT, true);
        when(payments.find(created.id())).thenReturn(Mono.just(order(PaymentStatus.AWAITING_PAYMENT)));

        OpeningAtChannel.Opened opened = opening.open(created, request()).block();

        assertThat(opened.order().status()).isEqualTo(PaymentStatus.AWAITING_PAYMENT);
        assertThat(opened.jsapiParameters()).isEqualTo(JSAPI);
        // What the payer reads in the channel's cashier and bill: Chinese whatever the page's language.
        verify(wechat).open(argThat(order -> order.description().equals("城乡居民医保 2024 年度个人缴费")), anyBoolean());
    }

    @Test
    void noParametersWhenSomeoneElseMovedTheOrderFirst() {
        when(wechat.open(any(), anyBoolean())).thenReturn(Mono.just(new Checkout("https://portal.example.cn/r", JSAPI)));
        movedTo(PaymentStatus.AWAITING_PAYMENT, false);
        when(payments.find(created.id())).thenReturn(Mono.just(order(PaymentStatus.PAID)));

        assertThat(opening.open(created, request()).block().jsapiParameters()).isEmpty();
    }

    @Test
    void aChannelThatRefusesLeavesTheOrderFailedAndItsPeopleFree() {
        when(wechat.open(any(), anyBoolean())).thenReturn(Mono.error(new IllegalStateException("no")));
        movedTo(PaymentStatus.FAILED, true);
        when(payments.setItemStates(created.id(), ItemState.OPEN, ItemState.RELEASED)).thenReturn(Mono.empty());
        when(payments.find(created.id())).thenReturn(Mono.just(order(PaymentStatus.FAILED)));

        OpeningAtChannel.Opened opened = opening.open(created, request()).block();

        assertThat(opened.order().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(opened.jsapiParameters()).isEmpty();
        verify(payments).setItemStates(created.id(), ItemState.OPEN, ItemState.RELEASED);
    }

    @Test
    void aRefusalAfterSomeoneElseMovedTheOrderFreesNobody() {
        when(wechat.open(any(), anyBoolean())).thenReturn(Mono.error(new IllegalStateException("no")));
        movedTo(PaymentStatus.FAILED, false);
        when(payments.find(created.id())).thenReturn(Mono.just(order(PaymentStatus.PAID)));

        assertThat(opening.open(created, request()).block().jsapiParameters()).isEmpty();
        verify(payments, never()).setItemStates(any(), any(), any());
    }
}
