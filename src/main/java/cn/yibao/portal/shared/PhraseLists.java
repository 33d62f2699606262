package cn.yibao.portal.shared;

import java.util.List;

/** A list inside a sentence, joined the way the reader's language joins one ("甲、乙" / "A, B"). */
public final class PhraseLists {

    private PhraseLists() {
    }

    /** Items (phrases, names, numbers) in a series: "1、2、3" / "1, 2, 3"; one item is itself. */
    public static Object series(List<?> items) {
        return joined("text.list", items);
    }

    /** Clauses that each stand alone: "甲；乙" / "A; B". */
    public static Object clauses(List<?> items) {
        return joined("text.list.clauses", items);
    }

    private static Object joined(String key, List<?> items) {
        if (items.isEmpty()) {
            return "";
        }
        Object joined = items.get(items.size() - 1);
        for (int i = items.size() - 2; i >= 0; i--) {
            joined = Phrase.of(key, items.get(i), joined);
        }
        return joined;
    }
}
