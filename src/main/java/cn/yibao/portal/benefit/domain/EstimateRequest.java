package cn.yibao.portal.benefit.domain;

/** A bill to estimate: amount in fen, where it was run up, the facility level, and whether it was out of area. */
public record EstimateRequest(long expenseFen, CareSetting setting, FacilityLevel facilityLevel, RemoteCare remote) {
}
