package cn.yibao.portal.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record a JSON API route reads its request body into with {@link JsonBodies#read}. The route and a valid
 * example say what the body is for; the tests find every such record and send each of its fields spoilt in every way
 * a caller could spoil it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JsonBody {

    /** The route that reads this body, as {@code "POST /api/v1/payments"}. */
    String route();

    /** A body the route accepts, as a caller would send it. */
    String example();

    /** Fields a caller may leave out or send as {@code null}; every other field is required. */
    String[] optional() default {};
}
