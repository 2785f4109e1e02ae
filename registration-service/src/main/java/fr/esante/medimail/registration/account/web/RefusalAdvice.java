package fr.esante.medimail.registration.account.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.support.texts.UserTexts;
import fr.esante.medimail.support.web.FieldError;
import fr.esante.medimail.support.web.ProblemDetailsAdvice;

/** Turns the domain's {@link Refusal}s into RFC 9457 problems, like platform-support does for {@code ApiProblem}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

    private static final Logger log = LoggerFactory.getLogger(RefusalAdvice.class);

    private final UserTexts texts;

    RefusalAdvice(UserTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refusal(Refusal refusal) {
        HttpStatus status = switch (refusal.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        String title = switch (refusal.kind()) {
            case INVALID -> texts.text("problem.title.invalid");
            case UNAUTHENTICATED -> texts.text("problem.title.unauthenticated");
            case FORBIDDEN -> texts.text("problem.title.forbidden");
            case CONFLICT -> texts.text("problem.title.conflict");
            case UNPROCESSABLE -> texts.text("problem.title.unprocessable");
            case NOT_FOUND -> texts.text("problem.title.not-found");
        };
        List<FieldError> errors = refusal.field() == null ? List.of()
                : List.of(new FieldError(refusal.field(), refusal.code(), refusal.getMessage()));
        ResponseEntity<Object> problem = ProblemDetailsAdvice.problem(status, refusal.code(), title, refusal.getMessage(), errors);
        if (status == HttpStatus.UNAUTHORIZED) {
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(problem.getHeaders());
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"medimail\"");
            return new ResponseEntity<>(problem.getBody(), headers, status);
        }
        return problem;
    }

    /** Two requests changed the same account at once; the loser may simply retry. */
    @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ResponseEntity<Object> concurrentUpdate(RuntimeException e) {
        log.info("Concurrent update refused: {}", e.getClass().getSimpleName());
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "CONCURRENT_UPDATE",
                texts.text("problem.concurrent-update.title"), texts.text("problem.concurrent-update.detail"), List.of());
    }
}
