/**
 * Values that many modules share and no single module owns: amounts ({@code Money}: fen inside, yuan only in views),
 * date ranges, regions (GB/T 2260 codes), national ID numbers (GB 11643, validated) and the masks of personal data
 * (ID numbers, names), and phrases (a message key with arguments that rules return instead of sentences,
 * docs/adr/0008).
 *
 * <p>Owns no table and no behaviour beyond the values' own rules. Plain Java: it depends on no other module, and every
 * module, including its {@code domain} code, may use it (docs/adr/0009).
 */
package cn.yibao.portal.shared;
