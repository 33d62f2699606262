/**
 * Shared web concerns: page layout model, error pages and problem details, JSON body reading, client detection
 * (WeChat / Alipay webviews, browsers), trusted proxies and rate limits, locale and message bundles, the landing
 * page.
 *
 * <p>Owns no table. Rules ({@code domain}): {@code ClientKind}, {@code TrustedProxies}, {@code RequestWindow},
 * {@code PlainText}, {@code WholeTokens}.
 *
 * <p>API for other modules: {@code Pages}, {@code ProblemResponses}, {@code RequestValues}, {@code JsonBodies} and
 * {@code JsonBody}, {@code KeptForms}, {@code UploadRefusals}, {@code AssistBanner}, {@code AssistedObject},
 * {@code ClientRateLimiter}, and the values {@code ClientKind}, {@code PlainText}, {@code TrustedProxies}.
 */
package cn.yibao.portal.web;
