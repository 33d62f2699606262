package cn.yibao.portal.audit.domain;

/** Where the chain starts after a purge: the id and hash of the last row removed. */
public record ChainAnchor(long purgedThroughId, byte[] lastHash) {
}
