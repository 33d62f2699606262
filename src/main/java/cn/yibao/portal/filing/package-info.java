/**
 * Remote-settlement filing (异地就医备案). (Issue #6.)
 */
package cn.yibao.portal.filing;
