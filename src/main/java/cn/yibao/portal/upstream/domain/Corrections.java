package cn.yibao.portal.upstream.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How upstream takes back what it sent. A settlement is reversed (冲正) by a settlement of its own number that names
 * the original ({@code reversesSettlementNo}, stored or earlier in the same file), belongs to the same person, and
 * repeats the original's facility and figures; an original is reversed once, a reversal never. A contribution record
 * is withdrawn (退费/作废, {@code withdrawnOn}) and a qualification revoked (撤销认定, {@code revokedOn}) by sending
 * the stored record again with that date; it is never restored, and the date never changes.
 */
final class Corrections {

    private final StoredRecords stored;
    private final Map<String, SettlementRecord> settlementsInFile = new HashMap<>();
    private final Set<String> takenBackInFile = new HashSet<>();

    Corrections(List<ImportLine> lines, StoredRecords stored) {
        this.stored = stored;
        for (ImportLine line : lines) {
            if (line.record() instanceof SettlementRecord s && !s.isReversal()) {
                settlementsInFile.put(s.settlementNo(), s);
            }
            if (line.record() instanceof Correctable c && c.corrected()) {
                takenBackInFile.add(line.record().key());
            }
        }
    }

    /** Whether a line of this batch takes back the record of this number (so a new one may take its place). */
    boolean takenBackInBatch(String key) {
        return takenBackInFile.contains(key);
    }

    void checkReversal(int line, SettlementRecord reversal, List<LineProblem> problems) {
        String number = reversal.reversesSettlementNo();
        SettlementRecord original = stored.byKey().get(number) instanceof SettlementRecord s ? s
                : settlementsInFile.get(number);
        if (original == null) {
            problems.add(new LineProblem(line, "reversesSettlementNo", "要冲正的原结算 " + number
                    + " 尚未导入，不能冲正；请先导入原结算记录，或核对结算单号。"));
        } else if (!original.residentId().equals(reversal.residentId())) {
            problems.add(new LineProblem(line, "reversesSettlementNo", "原结算 " + number + " 不是该参保人的结算，不能冲正。"));
        } else if (original.isReversal()) {
            problems.add(new LineProblem(line, "reversesSettlementNo", "结算 " + number + " 本身是一笔冲正记录，不能再冲正。"));
        } else {
            String earlier = stored.settlementReversals().get(number);
            if (earlier != null) {
                problems.add(new LineProblem(line, "reversesSettlementNo", "原结算 " + number + " 已被冲正（冲正单号 "
                        + earlier + "），不能重复冲正。"));
            }
            if (reversal.settledOn().isBefore(original.settledOn())) {
                problems.add(new LineProblem(line, "settledOn", "冲正日期（" + reversal.settledOn() + "）不能早于原结算日期（"
                        + original.settledOn() + "）。"));
            }
            List<String> differing = new ArrayList<>();
            for (String field : SettlementRecord.FIGURES) {
                if (!Objects.equals(original.fields().get(field), reversal.fields().get(field))) {
                    differing.add(field);
                }
            }
            if (!differing.isEmpty()) {
                problems.add(new LineProblem(line, differing.get(0), "冲正记录应与原结算 " + number
                        + " 的机构和金额一致（不同的字段：" + String.join("、", differing) + "）。"));
            }
        }
    }

    /** A withdrawal or revocation of a record that was never imported. */
    static void unknown(int line, Correctable correction, List<LineProblem> problems) {
        Words words = Words.of(correction);
        problems.add(new LineProblem(line, words.numberField(), "要" + words.verb() + "的" + words.noun() + " "
                + ((UpstreamRecord) correction).key() + " 尚未导入，不能" + words.verb() + "；请核对编号。"));
    }

    /**
     * A stored record sent again with a correction date: taken back (an update), or refused when it would be restored
     * or its date changed, or when it is someone else's. {@code null} when the two differ in more than that (the
     * caller reports the fields).
     */
    static Change takeBack(int line, Correctable was, Correctable now, List<LineProblem> problems) {
        Words words = Words.of(now);
        String number = ((UpstreamRecord) now).key();
        if (!was.asCorrectedOn(null).equals(now.asCorrectedOn(null))) {
            if (now.corrected() && !((UpstreamRecord) was).residentId().equals(((UpstreamRecord) now).residentId())) {
                problems.add(new LineProblem(line, "certno", words.noun() + " " + number + " 不是该参保人的记录，不能"
                        + words.verb() + "。"));
                return Change.UNCHANGED;
            }
            return null;
        }
        if (!was.corrected()) {
            return Change.UPDATE;
        }
        if (!now.corrected()) {
            problems.add(new LineProblem(line, words.dateField(), words.noun() + " " + number + " 已于 " + was.correctedOn()
                    + " " + words.verb() + "，不能恢复；" + words.instead()));
        } else {
            problems.add(new LineProblem(line, words.dateField(), words.noun() + " " + number + " 已于 " + was.correctedOn()
                    + " " + words.verb() + "，" + words.verb() + "日期不能更改。"));
        }
        return Change.UNCHANGED;
    }

    private record Words(String noun, String verb, String numberField, String dateField, String instead) {

        static Words of(Correctable record) {
            return record instanceof ContributionRecord
                    ? new Words("缴费记录", "作废（退费）", "recordNo", "withdrawnOn", "如重新缴费，请使用新的记录编号。")
                    : new Words("两病认定", "撤销", "qualificationNo", "revokedOn", "如重新认定，请使用新的认定编号。");
        }
    }
}
