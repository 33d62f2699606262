package cn.yibao.portal.payment;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.contribution.ContributionQuotes;
import cn.yibao.portal.payment.domain.IdempotencyRules;
import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.OrderRules;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.Phrases;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Placing an order, exactly once per idempotency key: under a per-payer lock, an existing key answers with its
 * order (or a conflict), otherwise the rules decide and the order, its people and the key are stored together. The
 * database's unique indexes settle what the lock cannot (another payer paying for the same person).
 */
@Service
public class PlacingOrders {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final PaymentRepository payments;
    private final ContributionQuotes quotes;
    private final Family family;
    private final PaymentChannels channels;
    private final OpeningAtChannel opening;
    private final BusinessClock clock;
    private final TransactionalOperator transaction;
    private final Duration orderLifetime;
    private final Phrases phrases;

    PlacingOrders(PaymentRepository payments, ContributionQuotes quotes, Family family, PaymentChannels channels,
                  OpeningAtChannel opening, BusinessClock clock, TransactionalOperator transaction,
                  @Value("${portal.payment.order-lifetime:PT30M}") Duration orderLifetime, Phrases phrases) {
        this.phrases = phrases;
        this.payments = payments;
        this.quotes = quotes;
        this.family = family;
        this.channels = channels;
        this.opening = opening;
        this.clock = clock;
        this.transaction = transaction;
        this.orderLifetime = orderLifetime;
    }

    public sealed interface Placed {
    }

    /**
     * {@code created}: a new order (201); otherwise the key's earlier order (200). {@code jsapiParameters}: for WeChat
     * JSAPI, what the payer's page hands to WeChat (empty otherwise, and on replays).
     */
    public record Placement(PaymentOrder order, boolean created, Map<String, String> jsapiParameters) implements Placed {

        public Placement(PaymentOrder order, boolean created) {
            this(order, created, Map.of());
        }
    }

    /** Why no order was placed, and what kind of no it is; the web layer says which HTTP status each kind is. */
    public record Refusal(Kind kind, String field, Phrase message) implements Placed {

        public enum Kind {
            /** The request itself is malformed (an Idempotency-Key that cannot be one). */
            MALFORMED,
            /** It conflicts with what is stored: the key reused for another request, a person paid or in an open order. */
            CONFLICT,
            /** Well-formed, but the rules do not take it (channel, year, people, amount). */
            NOT_ACCEPTED
        }
    }

    public cn.yibao.portal.payment.domain.PaymentChannelId defaultChannel(cn.yibao.portal.web.api.ClientKind client) {
        return channels.defaultFor(client);
    }

    /** The channels a payer may choose here: online ones, and cash when a worker at a counter acts for them. */
    public List<PaymentChannelId> offered(boolean atCounter) {
        return channels.offered(atCounter);
    }

    /** For the API: no channel is offered, and where to pay instead. */
    public Phrase notOfferedOnline() {
        return channels.notOfferedOnline();
    }

    public Mono<Placed> place(Resident payer, String key, OrderRequest request) {
        if (!IdempotencyRules.isWellFormed(key)) {
            return Mono.just(new Refusal(Refusal.Kind.MALFORMED, "Idempotency-Key", Phrase.of("order.refused.key")));
        }
        byte[] fingerprint = IdempotencyRules.fingerprint(request.year(), request.insured(), request.channel(),
                request.grade());
        // PostgreSQL keeps microseconds: the order answered without reading it back must say what is stored.
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
        Mono<Placed> decide = payments.lockPayer(payer.id())
                .then(payments.liveKey(payer.id(), key, now)
                        .flatMap(stored -> Arrays.equals(stored.requestHash(), fingerprint)
                                ? payments.find(stored.orderId()).map(order -> (Placed) new Placement(order, false))
                                : Mono.just((Placed) new Refusal(Refusal.Kind.CONFLICT, "Idempotency-Key",
                                        Phrase.of("order.refused.keyUsed"))))
                        .switchIfEmpty(Mono.defer(() -> decideAndStore(payer, key, request, fingerprint, now))));
        return transaction.transactional(decide)
                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(new Refusal(Refusal.Kind.CONFLICT, "insured",
                        Phrase.of("order.refused.race"))))
                .flatMap(placed -> placed instanceof Placement placement && placement.order().status() == PaymentStatus.CREATED
                        ? opening.open(placement.order(), request).map(opened -> (Placed) new Placement(opened.order(),
                                placement.created(), opened.jsapiParameters()))
                        : Mono.just(placed));
    }

    private Mono<Placed> decideAndStore(Resident payer, String key, OrderRequest request, byte[] fingerprint,
                                        Instant now) {
        // Checked after the key: a reused key with a different request is a conflict whatever else is wrong with it.
        return preview(payer, request).flatMap(preview -> preview instanceof Refusal refusal
                ? Mono.just((Placed) refusal)
                : store(payer, key, request, fingerprint, ((Preview) preview).plan(), now));
    }

    /** The plan the rules make of this request now: people, amounts and total — nothing is stored. */
    public record Preview(OrderRules.Plan plan, List<Resident> people) implements Placed {
    }

    public Mono<Placed> preview(Resident payer, OrderRequest request) {
        List<PaymentChannelId> offered = channels.offered(request.atCounter());
        if (offered.isEmpty()) {
            return Mono.just(new Refusal(Refusal.Kind.NOT_ACCEPTED, "channel", channels.notOfferedOnline()));
        }
        if (request.channel() == null || !offered.contains(request.channel())) {
            return Mono.just(new Refusal(Refusal.Kind.NOT_ACCEPTED, "channel", Phrase.of("order.refused.channel",
                    offered.stream().map(PaymentChannelId::name).toList())));
        }
        if (!quotes.benefitYears().contains(request.year())) {
            return Mono.just(new Refusal(Refusal.Kind.NOT_ACCEPTED, "year", Phrase.of("order.refused.year", request.year())));
        }
        return insuredPeople(payer, request.insured()).flatMap(people -> {
            if (people.size() != request.insured().size()) {
                return Mono.just((Placed) new Refusal(Refusal.Kind.NOT_ACCEPTED, "insured", Phrase.of("order.refused.people")));
            }
            List<UUID> ids = people.stream().map(Resident::id).toList();
            return payments.blockingItems(ids, request.year()).collectList().map(blocking -> {
                Set<UUID> paid = blocking.stream().filter(i -> i.state() == ItemState.PAID)
                        .map(PaymentItem::insuredId).collect(Collectors.toSet());
                Set<UUID> open = blocking.stream().filter(i -> i.state() == ItemState.OPEN)
                        .map(PaymentItem::insuredId).collect(Collectors.toSet());
                List<OrderRules.Candidate> candidates = people.stream().map(person -> new OrderRules.Candidate(
                        person.id(), person.maskedName(), quotes.quoteFor(person, request.year(), request.grade()),
                        paid.contains(person.id()), open.contains(person.id()))).toList();
                OrderRules.Decision decision = OrderRules.plan(candidates);
                if (decision instanceof OrderRules.Refused refused) {
                    return (Placed) new Refusal(refused.conflict() ? Refusal.Kind.CONFLICT : Refusal.Kind.NOT_ACCEPTED, refused.field(), refused.message());
                }
                return (Placed) new Preview((OrderRules.Plan) decision, people);
            });
        });
    }

    /** In request order; a name that is neither SELF nor an active member of the payer's family is left out. */
    private Mono<List<Resident>> insuredPeople(Resident payer, List<String> insured) {
        return family.activeMembersOf(payer).collectMap(member -> member.person().id().toString(), Family.Member::person)
                .map(members -> {
                    Map<String, Resident> byName = new HashMap<>(members);
                    byName.put("SELF", payer);
                    byName.put(payer.id().toString(), payer);
                    return insured.stream().filter(byName::containsKey).map(byName::get).toList();
                });
    }

    private Mono<Placed> store(Resident payer, String key, OrderRequest request, byte[] fingerprint,
                               OrderRules.Plan plan, Instant now) {
        UUID id = UUID.randomUUID();
        List<PaymentItem> items = plan.lines().stream().map(line -> new PaymentItem(id, line.insuredId(),
                request.year(), line.amountFen(), line.quote().standardFen(), line.quote().assistanceFen(),
                line.quote().grade(), citations(line.quote().citations()), ItemState.OPEN, null, null, null)).toList();
        // The order, its people and the key in one statement; the number is YB, the business day and ten digits.
        return payments.insertOrder(new PaymentOrder(id, null, payer.id(), request.year(), request.channel(),
                                plan.totalFen(), PaymentStatus.CREATED, 0, null, null, now, now.plus(orderLifetime), null,
                                null, payer.insuredRegionCode()), "YB" + DAY.format(clock.today()), items,
                        new PaymentRepository.NewKey(payer.id(), key, fingerprint, now.plus(IdempotencyRules.KEY_LIFETIME)))
                .map(orderNo -> new PaymentOrder(id, orderNo, payer.id(), request.year(), request.channel(),
                        plan.totalFen(), PaymentStatus.CREATED, 0, null, null, now, now.plus(orderLifetime), null, null,
                        payer.insuredRegionCode()))
                // Last: the audit row takes the chain lock, held until commit.
                .flatMap(order -> payments.placed(order,
                        phrases.record(Phrase.of("payment.audit.placed", plan.lines().size(), plan.totalFen())),
                        now, request.actor()).thenReturn((Placed) new Placement(order, true)));
    }

    private static String citations(List<Citation> citations) {
        String joined = citations.stream().map(Citation::document).distinct().collect(Collectors.joining("；"));
        return joined.length() <= 256 ? joined : joined.substring(0, 256);
    }
}
