package cn.yibao.portal.upstream;

import cn.yibao.portal.upstream.domain.OperatorScope;

/**
 * Who imports: a staff member (by staff id, limited to people insured in their region) or the sandbox's demo feed
 * (unrestricted). The id is what {@code upstream_batch.operator} and the audit row record.
 */
public record ImportOperator(String id, boolean staff, OperatorScope scope) {

    public static final ImportOperator SANDBOX_FEED = new ImportOperator("sandbox-feed", false, OperatorScope.UNRESTRICTED);
}
