package cn.yibao.portal.policy.api;

/** Where a figure comes from: the document number (文号), the clause, and the region whose document it is. */
public record Citation(String document, String clause, String region) {
}
