package fr.esante.medimail.registration.session.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.registration.session.TooManyAttempts;
import fr.esante.medimail.registration.session.WrongOneTimeCode;
import fr.esante.medimail.support.security.LoginThrottle;
import fr.esante.medimail.support.texts.UserTexts;
import fr.esante.medimail.support.web.ProblemDetailsAdvice;

/** 429 with {@code Retry-After} for {@link TooManyAttempts}; 400 OTP_INVALID with {@code triesLeft} for a wrong code. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignInAdvice {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<Object> tooManyAttempts(TooManyAttempts refused) {
        ResponseEntity<Object> problem = ProblemDetailsAdvice.problem(HttpStatus.TOO_MANY_REQUESTS, refused.code(),
                TEXTS.text("session.too-many-attempts.title"), refused.getMessage(), List.of());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(LoginThrottle.retryAfterSeconds(refused.retryAfter())))
                .body(problem.getBody());
    }

    @ExceptionHandler(WrongOneTimeCode.class)
    ResponseEntity<Object> wrongCode(WrongOneTimeCode wrong) {
        ResponseEntity<Object> problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "OTP_INVALID",
                TEXTS.text("session.otp-invalid.title"), wrong.getMessage(), List.of());
        ((ProblemDetail) problem.getBody()).setProperty("triesLeft", wrong.triesLeft());
        return problem;
    }
}
