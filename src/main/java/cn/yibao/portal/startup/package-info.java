/**
 * Starting safely: the production profile refuses to start — before anything listens — while a setting it needs is
 * missing or unsafe, with one message that names every such setting by its environment variable and never shows a
 * value; and failures to reach the database at start are explained in terms of the settings to check.
 *
 * <p>Owns no table. Rules ({@code domain}): {@code ProductionSettings}. No API: it runs before the application.
 */
package cn.yibao.portal.startup;
