/**
 * Help-desk assisted sessions (代办). (Issue #8.)
 */
package cn.yibao.portal.assist;
