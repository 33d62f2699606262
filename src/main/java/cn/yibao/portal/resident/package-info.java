/**
 * Residents: the insured person's record (ID number encrypted with a keyed lookup hash), households and family
 * bindings, categories and assistance status; the resident home page and {@code GET /api/v1/me}.
 *
 * <p>Owns {@code household}, {@code resident} and {@code family_binding} ({@code V1}, {@code V2}). Rules
 * ({@code domain}): {@code BindingRules} (who may bind whom), {@code Categories} (adult, minor, student by age and
 * date), {@code AssistanceStatus}. {@code sandbox} loads the demo residents; {@code web} has the home and family
 * pages.
 *
 * <p>API for other modules: {@code CurrentResident} (the resident a request acts for), {@code ResidentRegistry},
 * {@code Family}, {@code HomeNotices} and {@code HouseholdSummary} (what other modules add to the home page), and the
 * values {@code Resident}, {@code Category}, {@code Categories}, {@code AssistanceStatus}.
 */
package cn.yibao.portal.resident;
