/**
 * Contribution due (缴费): what each resident and bound family member owes for a benefit year after any subsidy, and
 * why; where each person stands (paid, waiting, due, not payable here); the public fee calculator.
 *
 * <p>Owns no table: it reads the policy catalog, residents and their families, the {@code contribution_record} view
 * (payments recorded by the core platform) and this portal's payments. Rules ({@code domain}):
 * {@code ContributionCalculator} (standard, assistance, add-ons, enrolment routes, with a citation for each figure),
 * {@code ContributionStanding}; only a published exact local amount may be charged (docs/adr/0005). {@code web} has
 * {@code /contribution}, the calculator and {@code /api/v1/quote}.
 *
 * <p>API for other modules: {@code ContributionQuotes} (the quote for a person and year), {@code ContributionPayments}
 * (what the payment module may charge) and the values they return ({@code Quote}, {@code QuoteResult},
 * {@code DueStanding}, {@code ContributionStanding}).
 */
package cn.yibao.portal.contribution;
