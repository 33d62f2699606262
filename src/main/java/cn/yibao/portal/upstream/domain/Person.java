package cn.yibao.portal.upstream.domain;

import java.util.List;
import java.util.UUID;

/** A resident a line names, as far as the import needs them: id, registered name, insured region and its ancestors. */
public record Person(UUID residentId, String name, List<String> regionPath) {
}
