package fr.esante.medimail.backoffice.review.web;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.esante.medimail.backoffice.audit.StaffAudit;
import fr.esante.medimail.backoffice.audit.web.AuditLine;
import fr.esante.medimail.backoffice.identityreview.IdentityReview;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewDesk;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewFilter;
import fr.esante.medimail.backoffice.identityreview.web.IdentityReviewRow;
import fr.esante.medimail.backoffice.profession.ProfessionNames;
import fr.esante.medimail.backoffice.review.AccountAlreadyValidated;
import fr.esante.medimail.backoffice.review.Decision;
import fr.esante.medimail.backoffice.review.IdentityNotVerified;
import fr.esante.medimail.backoffice.review.QueuePage;
import fr.esante.medimail.backoffice.review.QueueQuery;
import fr.esante.medimail.backoffice.review.Review;
import fr.esante.medimail.backoffice.review.ReviewAlreadyDecided;
import fr.esante.medimail.backoffice.review.ReviewCase;
import fr.esante.medimail.backoffice.review.ReviewDesk;
import fr.esante.medimail.backoffice.review.ReviewNotFound;
import fr.esante.medimail.backoffice.review.ReviewPromise;
import fr.esante.medimail.backoffice.review.ReviewQueue;
import fr.esante.medimail.backoffice.review.ReviewStatus;
import fr.esante.medimail.support.web.PathIds;

/**
 * The staff page: the identities to confirm (identity reviews, their buttons are IdentityReviewPageController's),
 * then the pending account reviews, oldest first, each with its approve and reject buttons.
 */
@Controller
class ReviewPageController {

    private final ReviewQueue queue;
    private final ReviewDesk desk;
    private final ReviewPromise promise;
    private final IdentityReviewDesk identityReviews;
    private final StaffAudit audit;
    private final ProfessionNames professions;
    private final Clock clock;

    ReviewPageController(ReviewQueue queue, ReviewDesk desk, ReviewPromise promise, IdentityReviewDesk identityReviews,
                         StaffAudit audit, ProfessionNames professions, Clock clock) {
        this.queue = queue;
        this.desk = desk;
        this.promise = promise;
        this.identityReviews = identityReviews;
        this.audit = audit;
        this.professions = professions;
        this.clock = clock;
    }

    /** The page shows the oldest reviews first, this many at most (the filters narrow them down). */
    static final int PAGE_SIZE = 100;

    /** INSEE codes of the French regions, for the filter. */
    static final List<String> REGIONS = List.of("01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52",
            "53", "75", "76", "84", "93", "94");

    /** Reasons staff pick from when rejecting (French, sent to the applicant), completed by free text. */
    static final List<String> REJECTION_REASONS = List.of(
            "Les informations saisies ne correspondent pas à celles de l'annuaire santé.",
            "L'identifiant saisi (RPPS, ADELI, FINESS, SIRET) ne correspond pas à votre identité.",
            "Votre rattachement à la structure indiquée n'a pas pu être confirmé.",
            "Votre profession ne donne pas accès à une messagerie Medimail.",
            "Un compte existe déjà à votre nom : cette demande fait double emploi.");

    /**
     * Filters: {@code kind} (ACCOUNT or IDENTITY), {@code region} (INSEE code), {@code profession} (TRE_G15 code),
     * {@code path} (NATIONAL_ID or FOREIGN_OR_IN_TRAINING), {@code q} (name, e-mail, identifier or MSSante address).
     */
    @GetMapping("/reviews")
    String pending(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
                   @RequestParam(required = false) String profession, @RequestParam(required = false) String path,
                   @RequestParam(required = false) String q, Model model,
                   org.springframework.security.core.Authentication staff) {
        String query = q == null ? null : q.strip().toLowerCase(java.util.Locale.ROOT);
        QueuePage page = "IDENTITY".equals(kind) ? new QueuePage(List.of(), 0, 0)
                : queue.pending(new QueueQuery(kind, region, profession, path, q), PAGE_SIZE, clock.instant().minus(promise.promise()));
        Map<String, String> professionLabels = professions.all();
        var rows = page.items().stream().map(c -> ReviewRow.of(c, promise, professionLabels)).toList();
        model.addAttribute("reviews", rows);
        model.addAttribute("total", page.total());
        model.addAttribute("rejectionReasons", REJECTION_REASONS);
        model.addAttribute("filter", new QueueFilter(kind, region, profession, path, q));
        model.addAttribute("regions", REGIONS);
        model.addAttribute("professions", professionLabels);
        model.addAttribute("overdueCount", page.overdue());
        model.addAttribute("promiseHours", promise.promise().toHours());
        model.addAttribute("maxReasonLength", Decision.MAX_REASON_LENGTH);
        // Identity reviews have no region: a region filter leaves them out; the search looks through all they show.
        model.addAttribute("identityReviews", "ACCOUNT".equals(kind) || (region != null && !region.isBlank()) ? List.of()
                : identityReviews.list(IdentityReviewFilter.PENDING).stream().map(IdentityReviewRow::of)
                        .filter(i -> query == null || query.isEmpty() || i.toString().toLowerCase(java.util.Locale.ROOT).contains(query))
                        .toList());
        model.addAttribute("maxIdentityReasonLength", IdentityReview.MAX_REASON_LENGTH);
        model.addAttribute("admin", staff.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority())));
        model.addAttribute("today", java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Paris"))).toString());
        model.addAttribute("username", staff.getName());
        return "backoffice/reviews";
    }

    /**
     * One review in full: everything declared, the identity evidence (which source answered, what it said, when, and
     * every identity review of the account), the proposed address, the account's history (its reviews and every staff
     * action about it), and the decision buttons while it is pending.
     */
    @GetMapping("/reviews/{id}")
    String detail(@PathVariable String id, Model model, Principal staff, RedirectAttributes flash) {
        var found = PathIds.uuid(id).flatMap(queue::find);
        if (found.isEmpty()) {
            flash.addFlashAttribute("error", "Cette demande n'existe pas.");
            return "redirect:/reviews";
        }
        ReviewCase reviewCase = found.get();
        var accountId = reviewCase.file().accountId();
        model.addAttribute("r", ReviewRow.of(reviewCase, promise, professions.all()));
        model.addAttribute("status", reviewCase.review().status().name());
        model.addAttribute("verifiedAt", reviewCase.file().identity() == null ? null
                : ReviewRow.frenchDateTime(reviewCase.file().identity().verifiedAt()));
        model.addAttribute("identityReviews", identityReviews.ofAccount(accountId).stream()
                .map(i -> new IdentityCase(IdentityReviewRow.of(i), identityOutcome(i))).toList());
        model.addAttribute("submissions", queue.ofAccount(accountId).stream().map(ReviewPageController::submission).toList());
        model.addAttribute("history", audit.list(accountId.toString(), 200).stream().map(AuditLine::of).toList());
        model.addAttribute("rejectionReasons", REJECTION_REASONS);
        model.addAttribute("maxReasonLength", Decision.MAX_REASON_LENGTH);
        model.addAttribute("promiseHours", promise.promise().toHours());
        model.addAttribute("username", staff.getName());
        return "backoffice/review";
    }

    /** An identity review of the account with what became of it, in French. */
    record IdentityCase(IdentityReviewRow row, String outcome) {
    }

    /** One profile submission of the account and its review's outcome, in French. */
    record Submission(String submittedAt, String outcome) {
    }

    private static String identityOutcome(IdentityReview review) {
        return switch (review.status()) {
            case PENDING -> "en attente d'une décision du centre de services";
            case CONFIRMED -> "identité confirmée par " + review.decidedBy() + " le " + ReviewRow.frenchDateTime(review.decidedAt());
            case REFUSED -> "identité refusée par " + review.decidedBy() + " le " + ReviewRow.frenchDateTime(review.decidedAt())
                    + " : " + review.refusalReason();
        };
    }

    private static Submission submission(Review review) {
        String outcome = switch (review.status()) {
            case PENDING -> "en attente de validation";
            case APPROVED -> "validée par " + review.decidedBy() + " le " + ReviewRow.frenchDateTime(review.decidedAt());
            case REJECTED -> "refusée par " + review.decidedBy() + " le " + ReviewRow.frenchDateTime(review.decidedAt())
                    + " : " + review.rejectionReason();
        };
        return new Submission(ReviewRow.frenchDateTime(review.submittedAt()), outcome);
    }

    @PostMapping("/reviews/{id}/approval")
    String approve(@PathVariable String id, Principal staff, RedirectAttributes flash) {
        try {
            ReviewCase decided = desk.approve(reviewId(id), staff.getName());
            flash.addFlashAttribute("success", "Compte de " + name(decided) + " validé : l'adresse "
                    + decided.file().address().address() + " lui est notifiée par e-mail.");
        } catch (ReviewNotFound | ReviewAlreadyDecided | IdentityNotVerified | AccountAlreadyValidated e) {
            flash.addFlashAttribute("error", refusal(e));
        }
        return "redirect:/reviews";
    }

    /** The page's filters, as typed (to fill the form again). */
    record QueueFilter(String kind, String region, String profession, String path, String q) {
    }

    /** {@code reasonChoice}: one of {@link #REJECTION_REASONS}, or blank; {@code reason}: free text added to it. */
    @PostMapping("/reviews/{id}/rejection")
    String reject(@PathVariable String id, @RequestParam(required = false) String reasonChoice,
                  @RequestParam(required = false) String reason, Principal staff, RedirectAttributes flash) {
        String chosen = reasonChoice == null || !REJECTION_REASONS.contains(reasonChoice.strip()) ? null : reasonChoice.strip();
        if (chosen != null) {
            reason = reason == null || reason.isBlank() ? chosen : chosen + " " + reason.strip();
        }
        if (!Decision.validReason(reason)) {
            flash.addFlashAttribute("error", reason == null || reason.isBlank()
                    ? "Indiquez le motif du refus : il sera envoyé au demandeur."
                    : "Le motif ne peut pas dépasser " + Decision.MAX_REASON_LENGTH + " caractères.");
            return "redirect:/reviews";
        }
        try {
            ReviewCase decided = desk.reject(reviewId(id), staff.getName(), reason);
            flash.addFlashAttribute("success", "Demande de " + name(decided) + " refusée : le motif lui est envoyé par e-mail.");
        } catch (ReviewNotFound | ReviewAlreadyDecided e) {
            flash.addFlashAttribute("error", refusal(e));
        }
        return "redirect:/reviews";
    }

    private static String refusal(RuntimeException e) {
        if (e instanceof ReviewAlreadyDecided decided) {
            return "Cette demande a déjà été " + (decided.review().status() == ReviewStatus.APPROVED ? "validée" : "refusée")
                    + " par " + decided.review().decidedBy() + ".";
        }
        if (e instanceof IdentityNotVerified) {
            return ReviewApiController.IDENTITY_NOT_VERIFIED;
        }
        if (e instanceof AccountAlreadyValidated) {
            return "Ce compte a déjà été validé lors d'une demande précédente.";
        }
        return "Cette demande n'existe pas.";
    }

    private static String name(ReviewCase decided) {
        return decided.file().profile().firstName() + " " + decided.file().profile().lastName();
    }

    private static UUID reviewId(String id) {
        return PathIds.uuid(id).orElseThrow(() -> new ReviewNotFound(null));
    }
}
