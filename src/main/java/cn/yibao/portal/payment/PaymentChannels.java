package cn.yibao.portal.payment;

import cn.yibao.portal.payment.channel.PaymentChannel;
import cn.yibao.portal.payment.domain.ChannelChoice;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import cn.yibao.portal.web.api.ClientKind;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The channels that are configured on this installation, in a fixed order. */
@Component
public class PaymentChannels {

    private final Map<PaymentChannelId, PaymentChannel> channels = new EnumMap<>(PaymentChannelId.class);
    private final String offlineInstructions;

    PaymentChannels(List<PaymentChannel> configured,
                    @Value("${portal.payment.offline-instructions:}") String offlineInstructions) {
        configured.stream().sorted(Comparator.comparing(PaymentChannel::id))
                .forEach(channel -> channels.put(channel.id(), channel));
        this.offlineInstructions = offlineInstructions;
    }

    /**
     * Said wherever a resident would pay online when no online channel is configured: that online payment is not
     * offered here, and where to pay instead ({@code portal.payment.offline-instructions}, the office's own words, or
     * the general advice of the message bundle).
     */
    public Phrase notOfferedOnline() {
        return Phrase.of("pay.offline.notOffered.at", offlineInstructions.isBlank() ? Phrase.of("pay.offline.where")
                : new Verbatim(offlineInstructions.strip()));
    }

    public List<PaymentChannelId> enabled() {
        return List.copyOf(channels.keySet());
    }

    /** What to offer: online channels, and cash only when a worker at a counter acts for the resident. */
    public List<PaymentChannelId> offered(boolean atCounter) {
        return channels.keySet().stream().filter(id -> atCounter || id.online()).toList();
    }

    public Optional<PaymentChannel> get(PaymentChannelId id) {
        return Optional.ofNullable(channels.get(id));
    }

    PaymentChannel require(PaymentChannelId id) {
        PaymentChannel channel = channels.get(id);
        if (channel == null) {
            throw new IllegalStateException("Payment channel " + id + " is not configured");
        }
        return channel;
    }

    public PaymentChannelId defaultFor(ClientKind client) {
        return ChannelChoice.defaultFor(client, enabled());
    }
}
