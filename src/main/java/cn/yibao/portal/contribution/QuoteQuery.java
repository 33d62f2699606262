package cn.yibao.portal.contribution;

import cn.yibao.portal.contribution.domain.Enrolment;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import java.time.LocalDate;

/** A quote asked for by region code (from a form, the API, or a resident's record). */
public record QuoteQuery(String region, int year, Category category, AssistanceStatus assistance, Integer grade,
                         boolean newStudent, LocalDate payDate, Enrolment enrolment, LocalDate eventDate) {
}
