/**
 * The policy catalog: the region tree (GB/T 2260) and, per benefit year, the policy parameters, each with the
 * document (文号) it comes from.
 */
package cn.yibao.portal.policy;
