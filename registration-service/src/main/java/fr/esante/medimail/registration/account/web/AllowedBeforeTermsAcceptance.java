package fr.esante.medimail.registration.account.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler taking an {@code AuthenticatedAccount}: a validated account's session may call it before accepting
 * the current terms of use (every other handler answers {@code 403 TERMS_NOT_ACCEPTED} then). With
 * {@link #alsoWithoutOneTimeCode()}, a session opened with the password alone (before the account was validated)
 * may call it too; every other handler answers such a session {@code 403 ONE_TIME_CODE_REQUIRED} once the account
 * is validated.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedBeforeTermsAcceptance {

    boolean alsoWithoutOneTimeCode() default false;
}
