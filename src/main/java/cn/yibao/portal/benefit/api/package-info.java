/**
 * The values the {@code benefit} module gives other modules (its API besides the public types of the module package):
 * plain Java, kept stable for them; everything else in the module is its own (docs/adr/0009).
 */
package cn.yibao.portal.benefit.api;
