/**
 * Imports from the core medical-insurance platform: settlements, prescriptions, assistance lists. (Issue #7.)
 */
package cn.yibao.portal.upstream;
