package cn.yibao.portal.upstream.sandbox;

import cn.yibao.portal.upstream.domain.ImportKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** One dated demo batch file of the sandbox feed. */
record DemoBatch(LocalDate date, ImportKind kind, String fileName, byte[] content) {

    static final String LOCATION = "classpath*:sandbox/upstream/*";
    private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-([a-z]+)\\.(jsonl|csv)");
    /** On one date, people and prescriptions arrive before the settlements that name them. */
    private static final List<ImportKind> SAME_DAY_ORDER = List.of(ImportKind.ASSISTANCE, ImportKind.CONTRIBUTIONS,
            ImportKind.QUALIFICATIONS, ImportKind.PRESCRIPTIONS, ImportKind.SETTLEMENTS);
    static final Comparator<DemoBatch> ARRIVAL = Comparator.comparing(DemoBatch::date)
            .thenComparing(batch -> SAME_DAY_ORDER.indexOf(batch.kind()))
            .thenComparing(DemoBatch::fileName);

    /** Every demo batch on the class path; a file named any other way stops the start (a typo would go unseen). */
    static List<DemoBatch> all() {
        List<DemoBatch> batches = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String name = resource.getFilename();
                if (name == null || name.endsWith(".md")) {
                    continue;
                }
                Matcher matcher = NAME.matcher(name);
                ImportKind kind = matcher.matches() ? ImportKind.fromPathName(matcher.group(2)).orElse(null) : null;
                if (kind == null) {
                    throw new IllegalStateException("sandbox/upstream/" + name
                            + ": demo batches are named YYYY-MM-DD-<kind>.jsonl or .csv, kind one of settlements,"
                            + " qualifications, prescriptions, assistance, contributions");
                }
                batches.add(new DemoBatch(LocalDate.parse(matcher.group(1)), kind, name,
                        resource.getContentAsByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox demo batches", e);
        }
        batches.sort(ARRIVAL);
        return List.copyOf(batches);
    }

    /** The batches dated on or before the day, in arrival order. */
    static List<DemoBatch> due(List<DemoBatch> batches, LocalDate today) {
        return batches.stream().filter(batch -> !batch.date().isAfter(today)).sorted(ARRIVAL).toList();
    }
}
