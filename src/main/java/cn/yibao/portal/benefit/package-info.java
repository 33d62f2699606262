/**
 * Benefits (我的待遇): whether a person is covered in a benefit year and from when, what the fund pays for each kind
 * of care (the benefit rules with their citations), what is used and left against this year's caps, and the
 * reimbursement estimator for a bill.
 *
 * <p>Owns no table: it reads the {@code settlement} and {@code contribution_record} views the upstream module keeps,
 * the payments of the payment module and the policy catalog. Rules ({@code domain}): {@code CoverageRules},
 * {@code BenefitRules}, {@code Estimator}, {@code RemoteReduction} (out-of-area care), all plain functions of values.
 * {@code web} has {@code /benefits} and {@code /api/v1/benefits}.
 *
 * <p>API for other modules: {@code Benefits} and {@code Coverages}, and the care values upstream imports name
 * ({@code CareSetting}, {@code FacilityLevel}, {@code RemoteCare}); it answers the prescription module's
 * {@code TwoDiseaseAllowance} and the code module's {@code InsuredStatus}.
 */
package cn.yibao.portal.benefit;
