package cn.yibao.portal.filing.web;

import cn.yibao.portal.filing.Filing;
import cn.yibao.portal.filing.Filings;
import cn.yibao.portal.filing.api.TypeRules;
import cn.yibao.portal.filing.domain.FilingRules;
import cn.yibao.portal.filing.domain.FilingStatus;
import cn.yibao.portal.qrcode.Codes;
import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** JSON shapes of the filing API (and what the pages show). */
final class FilingViews {

    private FilingViews() {
    }

    record TypeView(String type, String name, String kind, String explanation, List<String> requiredMaterials,
                    boolean commitmentAllowed, String defaultValidity, String minValidity, String lock,
                    Integer reductionPoints, boolean reviewRequired, boolean countsAsFiled, String document) {
        static TypeView of(TypeRules rules, Function<Phrase, String> say) {
            return new TypeView(rules.type().name(), say.apply(rules.label()), rules.kind().name(), say.apply(rules.explained()),
                    rules.requiredMaterials().stream().map(FilingRules::label).map(say).sorted().toList(),
                    rules.commitmentAllowed(), text(rules.defaultValidity(), say), text(rules.minValidity(), say),
                    text(rules.lock(), say), rules.reductionPoints(), rules.reviewRequired(), rules.countsAsFiled(),
                    rules.document());
        }

        private static String text(java.time.Period value, Function<Phrase, String> say) {
            return value == null ? null : say.apply(FilingRules.describe(value));
        }
    }

    record Place(String code, String name) {
    }

    record Person(UUID id, String maskedName) {
    }

    record Code(String token, String imageUrl) {
    }

    record HistoryEntry(String at, String from, String to, String actor, String reason) {
    }

    record FilingView(UUID id, String number, String type, String typeName, Person insured, Place destination,
                      LocalDate startDate, LocalDate endDate, String status, String statusName, String reason,
                      boolean commitment, LocalDate treatmentDate, Integer reductionPoints, boolean cancelOffered,
                      boolean cancellable,
                      String cancelBlockedBecause, Code code, List<HistoryEntry> history) {
    }

    static FilingView of(Filing filing, String insuredMaskedName, Filings filings, LocalDate today,
                         Function<Phrase, String> say, List<HistoryEntry> history) {
        TypeRules rules = filings.rulesOf(filing);
        var blocked = FilingRules.cancellable(filing.asExisting(), rules, today);
        Code code = null;
        if (filing.status() == FilingStatus.EFFECTIVE) {
            Codes.IssuedCode issued = filings.codeOf(filing);
            code = new Code(issued.token(), "/codes/image/" + issued.token() + ".svg");
        }
        return new FilingView(filing.id(), filing.number(), filing.type().name(), say.apply(rules.label()),
                new Person(filing.insuredId(), insuredMaskedName),
                new Place(filing.destination(), filings.regionName(filing.destination())), filing.startDate(),
                filing.endDate(), filing.status().name(), say.apply(statusName(filing.status())), filing.reason(),
                filing.commitment(), filing.treatmentDate(), rules.reductionPoints(),
                filing.status().canBecome(FilingStatus.CANCELLED), blocked.isEmpty(),
                blocked.map(FilingRules.Violation::message).map(say).orElse(null), code, history);
    }

    /** The status as the filing's page heads it ({@code filing.state.*}: "已生效"; the history says "生效"). */
    static Phrase statusName(FilingStatus status) {
        return Phrase.of("filing.state." + status.name());
    }
}
