/**
 * Saying things in the reader's language. Owns no table. Its API is {@link cn.yibao.portal.shared.Phrase} (a
 * message key with arguments, used by every module's rules), {@link cn.yibao.portal.text.Phrases} (says a phrase for a
 * locale: pages, problem details, PDFs) and the {@code #phrases} template object. The words themselves live only in
 * {@code messages_zh_CN.properties} and {@code messages_en.properties}.
 */
package cn.yibao.portal.text;
