package fr.esante.medimail.backoffice.review.web;

import fr.esante.medimail.backoffice.orgreview.OrgReviewAlreadyDecided;
import fr.esante.medimail.backoffice.orgreview.OrgReviewDesk;

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

import fr.esante.medimail.backoffice.review.AccountAlreadyValidated;
import fr.esante.medimail.backoffice.review.IdentityNotVerified;
import fr.esante.medimail.backoffice.review.Review;
import fr.esante.medimail.backoffice.review.ReviewAlreadyDecided;
import fr.esante.medimail.backoffice.review.ReviewDesk;
import fr.esante.medimail.backoffice.review.ReviewFilter;
import fr.esante.medimail.backoffice.review.ReviewNotFound;
import fr.esante.medimail.backoffice.review.ReviewPromise;
import fr.esante.medimail.backoffice.review.ReviewQueue;
import fr.esante.medimail.backoffice.review.ReviewStatus;
import fr.esante.medimail.support.web.ApiProblem;
import fr.esante.medimail.support.web.PathIds;
import fr.esante.medimail.support.web.ProblemDetailsAdvice;
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.support.texts.UserTexts;

/** The reviews API for staff tools (HTTP Basic, role REVIEWER; see the security configuration). */
@RestController
@RequestMapping("/api/v1/reviews")
class ReviewApiController {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    private static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    /** Also shown on the staff page. */
    static final String IDENTITY_NOT_VERIFIED = TEXTS.text("review.identity-not-verified");

    private final ReviewQueue queue;
    private final ReviewDesk desk;
    private final ReviewPromise promise;
    private final OrgReviewDesk orgDesk;
    private final java.time.Clock clock;

    ReviewApiController(ReviewQueue queue, ReviewDesk desk, ReviewPromise promise, OrgReviewDesk orgDesk, java.time.Clock clock) {
        this.queue = queue;
        this.desk = desk;
        this.promise = promise;
        this.orgDesk = orgDesk;
        this.clock = clock;
    }

    /** {@code status}: PENDING (default), DECIDED, APPROVED or REJECTED; oldest submission first. */
    @GetMapping
    List<ReviewJson> list(@RequestParam(defaultValue = "PENDING") String status) {
        ReviewFilter filter = filter(status);
        List<ReviewJson> accounts = queue.list(filter).stream().map(c -> ReviewJson.of(c, promise)).toList();
        // ORG requests (kind ORG) share the queue: one list, oldest submission first.
        List<String> orgStatuses = filter.statuses().stream().map(Enum::name).toList();
        java.time.Instant now = clock.instant();
        return java.util.stream.Stream.concat(accounts.stream(),
                        orgDesk.list(orgStatuses).stream().map(r -> ReviewJson.ofOrg(r, promise, now)))
                .sorted(java.util.Comparator.comparing(ReviewJson::submittedAt)).toList();
    }

    @GetMapping("/{id}")
    ReviewJson one(@PathVariable String id) {
        UUID reviewId = reviewId(id);
        return queue.find(reviewId).map(c -> ReviewJson.of(c, promise))
                .or(() -> orgDesk.find(reviewId).map(r -> ReviewJson.ofOrg(r, promise, clock.instant())))
                .orElseThrow(() -> new ReviewNotFound(reviewId));
    }

    /** Validates the account; the body, if any, is ignored. */
    @PostMapping("/{id}/approval")
    ReviewJson approve(@PathVariable String id, Principal staff) {
        UUID reviewId = reviewId(id);
        var org = orgDesk.approve(reviewId, staff.getName());
        if (org.isPresent()) {
            return ReviewJson.ofOrg(org.get(), promise, clock.instant());
        }
        return ReviewJson.of(desk.approve(reviewId, staff.getName()), promise);
    }

    @PostMapping("/{id}/rejection")
    ReviewJson reject(@PathVariable String id, @Validated @RequestBody RejectionRequest request, Principal staff) {
        UUID reviewId = reviewId(id);
        var org = orgDesk.reject(reviewId, staff.getName(), request.reason());
        if (org.isPresent()) {
            return ReviewJson.ofOrg(org.get(), promise, clock.instant());
        }
        return ReviewJson.of(desk.reject(reviewId, staff.getName(), request.reason()), promise);
    }

    @ExceptionHandler(ReviewNotFound.class)
    ResponseEntity<Object> notFound(ReviewNotFound e) {
        return ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "REVIEW_NOT_FOUND", TEXTS.text("review.review-not-found.title"),
                TEXTS.text("review.review-not-found"), List.of());
    }

    @ExceptionHandler(ReviewAlreadyDecided.class)
    ResponseEntity<Object> alreadyDecided(ReviewAlreadyDecided e) {
        Review review = e.review();
        String outcome = review.status() == ReviewStatus.APPROVED
                ? TEXTS.text("review.outcome.approved") : TEXTS.text("review.outcome.rejected");
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "REVIEW_ALREADY_DECIDED", TEXTS.text("review.review-already-decided.title"),
                TEXTS.text("review.review-already-decided", outcome, review.decidedBy(),
                        FRENCH_DATE_TIME.format(review.decidedAt())), List.of());
    }

    @ExceptionHandler(OrgReviewAlreadyDecided.class)
    ResponseEntity<Object> orgAlreadyDecided(OrgReviewAlreadyDecided e) {
        var review = e.review();
        String outcome = switch (review.status()) {
            case "APPROVED" -> TEXTS.text("review.outcome.approved");
            case "CLOSED" -> TEXTS.text("review.outcome.approved-then-closed");
            default -> TEXTS.text("review.outcome.rejected");
        };
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "REVIEW_ALREADY_DECIDED", TEXTS.text("review.review-already-decided.title"),
                TEXTS.text("review.org-review-already-decided", outcome, review.decidedBy(),
                        FRENCH_DATE_TIME.format(review.decidedAt())), List.of());
    }

    @ExceptionHandler(IdentityNotVerified.class)
    ResponseEntity<Object> identityNotVerified(IdentityNotVerified e) {
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "IDENTITY_NOT_VERIFIED", TEXTS.text("review.identity-not-verified.title"),
                IDENTITY_NOT_VERIFIED, List.of());
    }

    @ExceptionHandler(AccountAlreadyValidated.class)
    ResponseEntity<Object> alreadyValidated(AccountAlreadyValidated e) {
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "ACCOUNT_ALREADY_VALIDATED", TEXTS.text("review.account-already-validated.title"),
                TEXTS.text("review.account-already-validated"), List.of());
    }

    private static ReviewFilter filter(String status) {
        try {
            return ReviewFilter.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("status", "INVALID_VALUE",
                    TEXTS.text("review.status-filter.invalid"));
        }
    }

    private static UUID reviewId(String id) {
        return PathIds.uuid(id).orElseThrow(() -> new ReviewNotFound(null));
    }

}
