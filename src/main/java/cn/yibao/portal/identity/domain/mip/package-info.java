/**
 * The national e-voucher (医保电子凭证) protocol as pure functions: the userQuery HMAC headers, the channel envelope
 * (sorted sign string, SM3withSM2 signature, SM4-ECB encryption) of the 1101 person service, the authorization
 * request's parameters and the mapping of a 1101 answer to the portal's resident. Used alike by the portal's adapter
 * and by the sandbox's simulator of the platform, so that the sandbox exercises the code production runs.
 */
package cn.yibao.portal.identity.domain.mip;
