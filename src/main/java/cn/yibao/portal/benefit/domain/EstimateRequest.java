package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;

/** A bill to estimate: amount in fen, where it was run up, the facility level, and whether it was out of area. */
public record EstimateRequest(long expenseFen, CareSetting setting, FacilityLevel facilityLevel, RemoteCare remote) {
}
