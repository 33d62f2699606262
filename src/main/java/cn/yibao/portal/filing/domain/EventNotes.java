package cn.yibao.portal.filing.domain;

import cn.yibao.portal.shared.Phrase;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The note of a step in a filing's history, as stored: a code ({@code filing.note.submitted}, or
 * {@code filing.note.incomplete RESIDENCE_PROOF} with the materials missing), so the history reads in the reader's
 * language. A staff member's own words (a rejection's reason) and notes written before codes are kept as written.
 */
public final class EventNotes {

    private static final String PREFIX = "filing.note.";
    private static final String INCOMPLETE = "filing.note.incomplete";

    private EventNotes() {
    }

    public static final String SUBMITTED = "filing.note.submitted";
    public static final String SUBMITTED_WITH_COMMITMENT = "filing.note.submitted.commitment";
    public static final String COMPLETE = "filing.note.complete";
    public static final String CANCELLED_BY_INSURED = "filing.note.cancelledBySelf";
    public static final String APPROVED = "filing.note.approved";
    public static final String EXPIRED = "filing.note.expired";

    /** The note of the rules' decision, as stored. */
    public static String stored(Phrase note) {
        if (note.key().equals(INCOMPLETE)) {
            return INCOMPLETE + ((Phrase) note.args().get(0)).args().stream()
                    .map(label -> " " + ((Phrase) label).key().substring("filing.material.".length()))
                    .collect(Collectors.joining());
        }
        return note.key();
    }

    /** A stored note in words. */
    public static Phrase said(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        boolean code = stored.startsWith(PREFIX) && stored.codePoints().allMatch(c -> c < 128);
        if (!code) {
            return Phrase.of("filing.note.asWritten", stored);
        }
        String[] parts = stored.split(" ");
        if (parts[0].equals(INCOMPLETE)) {
            Set<Material> missing = EnumSet.noneOf(Material.class);
            Arrays.stream(parts).skip(1).map(Material::valueOf).forEach(missing::add);
            return FilingRules.incomplete(missing);
        }
        return Phrase.of(parts[0]);
    }
}
