package cn.yibao.portal.upstream.domain;

/** A line and what storing it would change. */
public record LineDecision(ImportLine line, Change change) {

    public UpstreamRecord record() {
        return line.record();
    }
}
