package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.prescription.api.Disease;
import cn.yibao.portal.prescription.api.PrescriptionStatus;
import cn.yibao.portal.shared.NationalId;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Region;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a batch, in the order the import applies them: the lines on their own (fields, cross-field rules,
 * duplicates inside the file), then the people they name (known here, the name matches, in the operator's region,
 * and what depends on where they are insured), then what is already stored (the same record again changes nothing; a
 * stored record never changes, except a prescription moving forward and a record taken back by a correction). Every
 * problem of every stage is reported, so an operator fixes a file once.
 */
public final class BatchRules {


    private BatchRules() {
    }

    public record Reading(List<ImportLine> lines, List<LineProblem> problems) {
    }

    /** Stage 1: each line's fields and cross-field rules, and keys that appear twice in the file. */
    public static Reading read(ImportKind kind, ParsedFile file, ImportPolicy policy) {
        List<LineProblem> problems = new ArrayList<>(file.problems());
        List<ImportLine> lines = new ArrayList<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        for (RawLine raw : file.lines()) {
            ImportLine line = LineReading.read(kind, new Fields(raw, policy.today(), policy::knownRegion, problems),
                    policy);
            if (line == null) {
                continue;
            }
            boolean unique = true;
            for (LineReading.UniqueKey key : LineReading.uniqueKeys(line)) {
                Integer first = firstSeen.putIfAbsent(key.field() + "\u0000" + key.value(), line.line());
                if (first != null) {
                    problems.add(new LineProblem(line.line(), key.field(),
                            Phrase.of("upstream.problem.duplicateLine", first, key.meaning())));
                    unique = false;
                }
            }
            if (unique) {
                lines.add(line);
            }
        }
        return new Reading(lines, problems);
    }

    /** The distinct ID numbers the lines name, to look them all up at once. */
    public static Set<NationalId> certnos(List<ImportLine> lines) {
        Set<NationalId> certnos = new LinkedHashSet<>();
        lines.forEach(line -> certnos.add(line.certno()));
        return certnos;
    }

    public record Resolved(List<ImportLine> lines, List<LineProblem> problems) {
    }

    /**
     * Stage 2: each line's person is a resident here, with that name, insured where the operator may act; and what
     * depends on where they are insured — whether a settlement's facility is remote from their pooling area, and
     * whether a contribution is more than their pooling area publishes.
     */
    public static Resolved resolve(List<ImportLine> lines, Map<NationalId, Person> people, OperatorScope scope,
                                   ImportPolicy policy) {
        List<ImportLine> resolved = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        for (ImportLine line : lines) {
            Person person = people.get(line.certno());
            if (person == null) {
                problems.add(new LineProblem(line.line(), "certno", Phrase.of("upstream.problem.unknownPerson")));
            } else if (!person.name().strip().equals(line.name().strip())) {
                problems.add(new LineProblem(line.line(), "name", Phrase.of("upstream.problem.nameMismatch")));
            } else if (!scope.covers(person)) {
                problems.add(new LineProblem(line.line(), "certno",
                        Phrase.of("upstream.problem.outsideScope", scope.regionName())));
            } else {
                int before = problems.size();
                PersonRules.check(line, person, policy, problems);
                if (problems.size() == before) {
                    resolved.add(line.withRecord(line.record().withResident(person.residentId())));
                }
            }
        }
        return new Resolved(resolved, problems);
    }

    /**
     * The region a stored batch belongs to, so that operators list only their own: the operator's region, or for the
     * sandbox feed (unrestricted) the smallest region that holds every person the batch names.
     */
    public static String batchRegion(OperatorScope scope, List<Person> people) {
        if (scope.regionCode() != null) {
            return scope.regionCode();
        }
        List<String> common = null;
        for (Person person : people) {
            common = common == null ? person.regionPath()
                    : common.stream().filter(person.regionPath()::contains).toList();
        }
        return common == null || common.isEmpty() ? Region.NATIONAL : common.get(0);
    }

    public record Decided(List<LineDecision> decisions, List<LineProblem> problems) {
    }

    /** Stage 3: what each line would change given what is stored, or why it may not. */
    public static Decided decide(List<ImportLine> lines, StoredRecords stored) {
        List<LineDecision> decisions = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        Corrections corrections = new Corrections(lines, stored);
        for (ImportLine line : lines) {
            int before = problems.size();
            Change change = decide(line, stored, corrections, problems);
            if (problems.size() == before) {
                decisions.add(new LineDecision(line, change));
            }
        }
        return new Decided(decisions, problems);
    }

    private static Change decide(ImportLine line, StoredRecords stored, Corrections corrections,
                                 List<LineProblem> problems) {
        UpstreamRecord incoming = line.record();
        if (incoming instanceof SettlementRecord settlement && settlement.prescriptionNo() != null) {
            UUID owner = stored.prescriptionOwners().get(settlement.prescriptionNo());
            if (owner == null) {
                problems.add(new LineProblem(line.line(), "prescriptionNo",
                        Phrase.of("upstream.problem.prescription.unknown", settlement.prescriptionNo())));
            } else if (!owner.equals(settlement.residentId())) {
                problems.add(new LineProblem(line.line(), "prescriptionNo",
                        Phrase.of("upstream.problem.prescription.notTheirs", settlement.prescriptionNo())));
            }
        }
        UpstreamRecord existing = stored.byKey().get(incoming.key());
        if (existing == null) {
            if (incoming instanceof SettlementRecord settlement && settlement.isReversal()) {
                corrections.checkReversal(line.line(), settlement, problems);
            } else if (incoming instanceof Correctable correction && correction.corrected()) {
                Corrections.unknown(line.line(), correction, problems);
            } else {
                onePerPersonAndKind(line, stored, corrections, problems);
            }
            return Change.INSERT;
        }
        if (existing.equals(incoming)) {
            return Change.UNCHANGED;
        }
        if (existing instanceof PrescriptionRecord was && incoming instanceof PrescriptionRecord now
                && was.sameIssueAs(now)) {
            return prescriptionProgress(line.line(), was, now, problems);
        }
        if (existing instanceof Correctable was && incoming instanceof Correctable now) {
            Change change = Corrections.takeBack(line.line(), was, now, problems);
            if (change != null) {
                return change;
            }
        }
        List<String> differing = differingFields(existing, incoming);
        problems.add(new LineProblem(line.line(), differing.get(0), Phrase.of("upstream.problem.changed", differing)));
        return Change.UNCHANGED;
    }

    /**
     * A person has one qualification that counts per disease and one contribution record that counts per benefit
     * year; one taken back in the same batch makes room.
     */
    private static void onePerPersonAndKind(ImportLine line, StoredRecords stored, Corrections corrections,
                                            List<LineProblem> problems) {
        if (line.record() instanceof QualificationRecord q) {
            String other = stored.qualificationByPersonDisease()
                    .get(StoredRecords.personDisease(q.residentId(), q.disease().name()));
            if (other != null && !other.equals(q.qualificationNo()) && !corrections.takenBackInBatch(other)) {
                problems.add(new LineProblem(line.line(), "disease", Phrase.of("upstream.problem.qualifiedAlready",
                        Phrase.of("prescription.disease." + q.disease().name()), other)));
            }
        }
        if (line.record() instanceof ContributionRecord c) {
            String other = stored.contributionByPersonYear().get(StoredRecords.personYear(c.residentId(), c.benefitYear()));
            if (other != null && !other.equals(c.recordNo()) && !corrections.takenBackInBatch(other)) {
                problems.add(new LineProblem(line.line(), "benefitYear", Phrase.of("upstream.problem.paidAlready",
                        c.benefitYear(), other)));
            }
        }
    }

    /** A prescription may only move forward (issued → dispensed → settled), and its dispensing date never changes. */
    private static Change prescriptionProgress(int line, PrescriptionRecord was, PrescriptionRecord now,
                                               List<LineProblem> problems) {
        if (was.status() == now.status()) {
            problems.add(new LineProblem(line, "dispensedOn", Phrase.of("upstream.problem.dispensedOn.changed")));
        } else if (!was.status().canBecome(now.status())) {
            problems.add(new LineProblem(line, "status", Phrase.of("upstream.problem.status.back",
                    Phrase.of("upstream.prescription.status." + was.status().name()), was.status().name(),
                    Phrase.of("upstream.prescription.status." + now.status().name()), now.status().name())));
        } else if (was.dispensedOn() != null && !was.dispensedOn().equals(now.dispensedOn())) {
            problems.add(new LineProblem(line, "dispensedOn", Phrase.of("upstream.problem.dispensedOn.fixed", was.dispensedOn())));
        } else {
            return Change.UPDATE;
        }
        return Change.UNCHANGED;
    }

    static List<String> differingFields(UpstreamRecord a, UpstreamRecord b) {
        List<String> differing = new ArrayList<>();
        Map<String, Object> before = a.fields();
        Map<String, Object> after = b.fields();
        for (String field : after.keySet()) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                differing.add(field);
            }
        }
        return differing.isEmpty() ? List.of("certno") : differing;
    }

    /** The whole batch: its record count, every problem in file order, and the changes if there are none. */
    public static Verdict verdict(int records, List<LineProblem> problems, List<LineDecision> decisions) {
        List<LineProblem> all = new ArrayList<>(problems);
        all.sort(LineProblem.IN_FILE_ORDER);
        return new Verdict(records, all, problems.isEmpty() ? decisions : List.of());
    }
}
