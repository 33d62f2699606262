package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.benefit.api.CareSetting;

/**
 * A setting's annual cap against what the fund has paid in it this year. What is left is known only where the cap
 * is a published exact figure, and never goes below zero (corrected records can take usage above the cap).
 */
public record CapUse(CareSetting setting, Figure cap, long usedFen) {

    public Long capFen() {
        return cap.known() && cap.unit() == Figure.Unit.FEN ? cap.value() : null;
    }

    public Long remainingFen() {
        Long capFen = capFen();
        return capFen == null || cap.standing() != Standing.EXACT ? null : Math.max(0, capFen - usedFen);
    }

    /** The fund has paid the whole published cap this year. */
    public boolean reached() {
        Long remaining = remainingFen();
        return remaining != null && remaining == 0;
    }
}
