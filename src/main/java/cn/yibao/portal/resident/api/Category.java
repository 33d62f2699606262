package cn.yibao.portal.resident.api;

/** The resident's enrolment category, which decides the contribution standard in some regions. */
public enum Category {
    ADULT,
    MINOR,
    COLLEGE_STUDENT
}
