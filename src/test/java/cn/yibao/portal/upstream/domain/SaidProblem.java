package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.text.RealBundles;

/** A {@link LineProblem} as the operator reads it in Chinese, for tests to compare whole problems. */
public record SaidProblem(int line, String field, String reason) {

    public static SaidProblem of(LineProblem problem) {
        return new SaidProblem(problem.line(), problem.field(), RealBundles.zh(problem.reason()));
    }
}
