/**
 * Shared web concerns: page layout model, error pages and problem details, client detection (WeChat / Alipay
 * webviews, browsers), locale and message bundles, the landing page.
 */
package cn.yibao.portal.web;
