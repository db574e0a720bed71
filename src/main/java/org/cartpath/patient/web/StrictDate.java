package org.cartpath.patient.web;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date in a request must be an ISO-8601 string ({@code 2015-03-02}). Jackson would otherwise read a
 * number as days since 1970, so that a date of birth sent as {@code 100} would silently become 11 April 1970.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonFormat(lenient = OptBoolean.FALSE)
@interface StrictDate {
}
