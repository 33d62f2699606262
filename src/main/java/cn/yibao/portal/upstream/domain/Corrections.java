package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.shared.Phrase;
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
            problems.add(new LineProblem(line, "reversesSettlementNo", Phrase.of("upstream.problem.reversal.unknown", number)));
        } else if (!original.residentId().equals(reversal.residentId())) {
            problems.add(new LineProblem(line, "reversesSettlementNo", Phrase.of("upstream.problem.reversal.notTheirs", number)));
        } else if (original.isReversal()) {
            problems.add(new LineProblem(line, "reversesSettlementNo", Phrase.of("upstream.problem.reversal.ofReversal", number)));
        } else {
            String earlier = stored.settlementReversals().get(number);
            if (earlier != null) {
                problems.add(new LineProblem(line, "reversesSettlementNo", Phrase.of("upstream.problem.reversal.twice",
                        number, earlier)));
            }
            if (reversal.settledOn().isBefore(original.settledOn())) {
                problems.add(new LineProblem(line, "settledOn", Phrase.of("upstream.problem.reversal.early",
                        reversal.settledOn(), original.settledOn())));
            }
            List<String> differing = new ArrayList<>();
            for (String field : SettlementRecord.FIGURES) {
                if (!Objects.equals(original.fields().get(field), reversal.fields().get(field))) {
                    differing.add(field);
                }
            }
            if (!differing.isEmpty()) {
                problems.add(new LineProblem(line, differing.get(0), Phrase.of("upstream.problem.reversal.differs",
                        number, differing)));
            }
        }
    }

    /** A withdrawal or revocation of a record that was never imported. */
    static void unknown(int line, Correctable correction, List<LineProblem> problems) {
        Words words = Words.of(correction);
        problems.add(new LineProblem(line, words.numberField(), words.say("unknown", ((UpstreamRecord) correction).key())));
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
                problems.add(new LineProblem(line, "certno", words.say("notTheirs", number)));
                return Change.UNCHANGED;
            }
            return null;
        }
        if (!was.corrected()) {
            return Change.UPDATE;
        }
        if (!now.corrected()) {
            problems.add(new LineProblem(line, words.dateField(), words.say("restore", number, was.correctedOn())));
        } else {
            problems.add(new LineProblem(line, words.dateField(), words.say("redate", number, was.correctedOn())));
        }
        return Change.UNCHANGED;
    }

    /** A withdrawn contribution record or a revoked qualification: its fields and its words. */
    private record Words(String kind, String numberField, String dateField) {

        static Words of(Correctable record) {
            return record instanceof ContributionRecord
                    ? new Words("contribution", "recordNo", "withdrawnOn")
                    : new Words("qualification", "qualificationNo", "revokedOn");
        }

        Phrase say(String problem, Object... args) {
            return Phrase.of("upstream.problem.correction." + kind + "." + problem, args);
        }
    }
}
