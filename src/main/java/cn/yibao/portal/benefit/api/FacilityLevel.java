package cn.yibao.portal.benefit.api;

/** The level of the designated facility (定点医疗机构): documents favour base-level care. */
public enum FacilityLevel {
    /** 基层（乡镇卫生院、社区卫生服务中心、一级） */
    PRIMARY,
    /** 二级 */
    SECONDARY,
    /** 三级 */
    TERTIARY
}
