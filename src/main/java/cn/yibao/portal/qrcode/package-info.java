/**
 * Signed codes (医保码, receipt, filing, prescription, pay link) and their rendering and verification. (Issue #5.)
 */
package cn.yibao.portal.qrcode;
