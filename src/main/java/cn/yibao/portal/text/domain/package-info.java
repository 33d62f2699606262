/** The {@link cn.yibao.portal.shared.Phrase} value that every module's rules return instead of sentences. */
package cn.yibao.portal.text.domain;
