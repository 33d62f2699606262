package cn.yibao.portal.payment.web;

import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.payment.OrderRequest;
import cn.yibao.portal.payment.PlacingOrders;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.web.Pages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The confirm page: each chosen person with relation, amount and its basis, and the total; nothing is stored yet. */
@Component
class ReviewPage {

    private final ChoosePage choosePage;
    private final PlacingOrders placing;
    private final PaymentPeople people;
    private final Pages pages;

    ReviewPage(ChoosePage choosePage, PlacingOrders placing, PaymentPeople people, Pages pages) {
        this.choosePage = choosePage;
        this.placing = placing;
        this.people = people;
        this.pages = pages;
    }

    record Line(String maskedName, String relation, String amountYuan, String standardYuan, String assistanceYuan,
                String citation) {
    }

    /** {@code key} is the form's one-time key, kept when sane, so that the order placed from this page is that one. */
    Mono<ServerResponse> render(ServerRequest request, Resident me, OrderRequest order, String key) {
        return InTurn.zip(placing.preview(me, order), people.relations(me)).flatMap(both -> {
            var preview = both.getT1();
            Map<UUID, String> relations = both.getT2();
            if (preview instanceof PlacingOrders.Refusal refusal) {
                return choosePage.render(request, me, order.year(), refusal.message());
            }
            PlacingOrders.Preview plan = (PlacingOrders.Preview) preview;
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < plan.plan().lines().size(); i++) {
                var line = plan.plan().lines().get(i);
                lines.add(new Line(plan.people().get(i).maskedName(),
                        PaymentPeople.relationOf(relations, plan.people().get(i).id()), Money.yuan(line.amountFen()),
                        Money.yuan(line.quote().standardFen()), Money.yuan(line.quote().assistanceFen()),
                        String.join("；", line.quote().citations().stream().map(c -> c.document()).distinct().toList())));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("year", order.year());
            model.put("lines", lines);
            model.put("totalYuan", Money.yuan(plan.plan().totalFen()));
            model.put("insured", order.insured());
            model.put("channel", order.channel().name());
            model.put("key", Optional.ofNullable(key).filter(k -> k.length() <= 64)
                    .orElse(UUID.randomUUID().toString()));
            return pages.render(request, "payment/review", model);
        });
    }

}
