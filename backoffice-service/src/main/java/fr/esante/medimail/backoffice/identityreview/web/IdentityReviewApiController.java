package fr.esante.medimail.backoffice.identityreview.web;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.backoffice.identityreview.IdentityReview;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewAlreadyDecided;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewDesk;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewFilter;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewNotFound;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewStatus;
import fr.esante.medimail.support.web.ApiProblem;
import fr.esante.medimail.support.web.PathIds;
import fr.esante.medimail.support.web.ProblemDetailsAdvice;
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.support.texts.UserTexts;

/** The identity reviews API for staff tools (HTTP Basic, role REVIEWER; see the security configuration). */
@RestController
@RequestMapping("/api/v1/identity-reviews")
class IdentityReviewApiController {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private final IdentityReviewDesk desk;

    IdentityReviewApiController(IdentityReviewDesk desk) {
        this.desk = desk;
    }

    /** {@code status}: PENDING (default), DECIDED, CONFIRMED or REFUSED; oldest request first. */
    @GetMapping
    List<IdentityReviewJson> list(@RequestParam(defaultValue = "PENDING") String status) {
        return desk.list(filter(status)).stream().map(IdentityReviewJson::of).toList();
    }

    @GetMapping("/{id}")
    IdentityReviewJson one(@PathVariable String id) {
        UUID reviewId = reviewId(id);
        return desk.find(reviewId).map(IdentityReviewJson::of).orElseThrow(() -> new IdentityReviewNotFound(reviewId));
    }

    /** Confirms the declared identity; the body, if any, is ignored. */
    @PostMapping("/{id}/confirmation")
    IdentityReviewJson confirm(@PathVariable String id, Principal staff) {
        return IdentityReviewJson.of(desk.confirm(reviewId(id), staff.getName()));
    }

    @PostMapping("/{id}/refusal")
    IdentityReviewJson refuse(@PathVariable String id, @Validated @RequestBody IdentityRefusalRequest request, Principal staff) {
        return IdentityReviewJson.of(desk.refuse(reviewId(id), staff.getName(), request.reason()));
    }

    @ExceptionHandler(IdentityReviewNotFound.class)
    ResponseEntity<Object> notFound(IdentityReviewNotFound e) {
        return ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "REVIEW_NOT_FOUND", TEXTS.text("identityreview.review-not-found.title"),
                TEXTS.text("identityreview.review-not-found"), List.of());
    }

    @ExceptionHandler(IdentityReviewAlreadyDecided.class)
    ResponseEntity<Object> alreadyDecided(IdentityReviewAlreadyDecided e) {
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "REVIEW_ALREADY_DECIDED", TEXTS.text("identityreview.review-already-decided.title"),
                alreadyDecidedMessage(e.review()), List.of());
    }

    static String alreadyDecidedMessage(IdentityReview review) {
        String when = FRENCH_DATE_TIME.format(review.decidedAt());
        return review.status() == IdentityReviewStatus.CONFIRMED
                ? TEXTS.text("identityreview.already-confirmed", review.decidedBy(), when)
                : TEXTS.text("identityreview.already-refused", review.decidedBy(), when);
    }

    private static IdentityReviewFilter filter(String status) {
        try {
            return IdentityReviewFilter.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("status", "INVALID_VALUE",
                    TEXTS.text("identityreview.status-filter.invalid"));
        }
    }

    static UUID reviewId(String id) {
        return PathIds.uuid(id).orElseThrow(() -> new IdentityReviewNotFound(null));
    }

}
