package cn.yibao.portal.policy.domain;

import java.time.LocalDate;

/** An issuing document: 文号, title, issuer, date, the region it governs, and the seed file it was read from. */
public record PolicyDocument(String number, String title, String issuer, LocalDate issuedOn, String regionCode,
                             String source) {
}
