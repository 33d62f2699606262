package cn.yibao.portal.payment.web;

import cn.yibao.portal.contribution.ContributionQuotes;
import cn.yibao.portal.contribution.HouseholdContributions;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.payment.PaymentChannels;
import cn.yibao.portal.payment.domain.ChannelChoice;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.api.ClientKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The first payment page: the payer and bound family with what each owes (or why they cannot be paid for here),
 * and the channels offered; shown again with the problem when a review or an order is refused.
 */
@Component
class ChoosePage {

    private final ContributionQuotes quotes;
    private final HouseholdContributions household;
    private final PaymentChannels channels;
    private final Pages pages;

    ChoosePage(ContributionQuotes quotes, HouseholdContributions household, PaymentChannels channels, Pages pages) {
        this.quotes = quotes;
        this.household = household;
        this.channels = channels;
        this.pages = pages;
    }

    /** A person on the choose page: who, how much, and whether they can be chosen. */
    record PersonRow(String value, String maskedName, String relation, String dueYuan, String status, String note,
                     Phrase reason) {
    }

    record ChannelOption(String id, boolean checked) {
    }

    int year(Optional<String> text) {
        return text.filter(y -> y.matches("\\d{4}")).map(Integer::valueOf)
                .filter(quotes.benefitYears()::contains).orElse(quotes.currentBenefitYear());
    }

    Mono<ServerResponse> render(ServerRequest request, Resident me, int year, Phrase error) {
        return household.withOrders(me, year)
                .flatMap(people -> {
                    List<PersonRow> rows = people.stream().map(ChoosePage::row).toList();
                    Map<String, Object> model = new HashMap<>();
                    model.put("year", year);
                    model.put("years", quotes.benefitYears());
                    model.put("people", rows);
                    List<ChannelOption> options = channelOptions(request, null);
                    model.put("channels", options);
                    if (options.isEmpty()) {
                        model.put("notOffered", channels.notOfferedOnline());
                    }
                    model.put("key", UUID.randomUUID().toString());
                    model.put("error", error);
                    return pages.render(request, "payment/new", model);
                });
    }

    private static PersonRow row(HouseholdContributions.Member person) {
        QuoteResult quote = person.quote();
        var mark = person.order();
        String value = person.relation().equals("SELF") ? "SELF" : person.person().id().toString();
        String name = person.person().maskedName();
        if (mark != null) {
            return new PersonRow(value, name, person.relation(), null, mark.paid() ? "PAID" : "OPEN",
                    mark.orderId().toString(), null);
        }
        if (quote instanceof QuoteResult.Quoted quoted) {
            if (!quoted.quote().payable()) {
                return new PersonRow(value, name, person.relation(), Money.yuan(quoted.quote().dueFen()), "BLOCKED",
                        null, quoted.quote().reason());
            }
            if (quoted.quote().dueFen() <= 0) {
                return new PersonRow(value, name, person.relation(), "0", "FREE", null, null);
            }
            return new PersonRow(value, name, person.relation(), Money.yuan(quoted.quote().dueFen()), "PAYABLE", null, null);
        }
        Phrase reason = quote instanceof QuoteResult.NoPolicy noPolicy ? noPolicy.reason()
                : ((QuoteResult.Rejected) quote).reason();
        return new PersonRow(value, name, person.relation(), null, "BLOCKED", null, reason);
    }

    /** Inside WeChat WeChat Pay and not Alipay, inside Alipay Alipay and not WeChat Pay (issue #17, item 11). */
    private List<ChannelOption> channelOptions(ServerRequest request, String chosen) {
        ClientKind client = ClientKind.fromUserAgent(request.headers().firstHeader(HttpHeaders.USER_AGENT));
        PaymentChannelId preferred = chosen != null ? PaymentChannelId.valueOf(chosen) : channels.defaultFor(client);
        return ChannelChoice.offeredIn(client, channels.offered(CurrentResident.isAssisted(request))).stream()
                .map(id -> new ChannelOption(id.name(), id == preferred)).toList();
    }
}
