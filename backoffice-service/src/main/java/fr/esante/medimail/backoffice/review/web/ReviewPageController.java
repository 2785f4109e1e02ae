package fr.esante.medimail.backoffice.review.web;

import java.security.Principal;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.esante.medimail.backoffice.identityreview.IdentityReview;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewDesk;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewFilter;
import fr.esante.medimail.backoffice.identityreview.web.IdentityReviewRow;
import fr.esante.medimail.backoffice.review.AccountAlreadyValidated;
import fr.esante.medimail.backoffice.review.Decision;
import fr.esante.medimail.backoffice.review.IdentityNotVerified;
import fr.esante.medimail.backoffice.review.ReviewAlreadyDecided;
import fr.esante.medimail.backoffice.review.ReviewCase;
import fr.esante.medimail.backoffice.review.ReviewDesk;
import fr.esante.medimail.backoffice.review.ReviewFilter;
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

    ReviewPageController(ReviewQueue queue, ReviewDesk desk, ReviewPromise promise, IdentityReviewDesk identityReviews) {
        this.queue = queue;
        this.desk = desk;
        this.promise = promise;
        this.identityReviews = identityReviews;
    }

    @GetMapping("/reviews")
    String pending(Model model, Principal staff) {
        var rows = queue.list(ReviewFilter.PENDING).stream().map(c -> ReviewRow.of(c, promise)).toList();
        model.addAttribute("reviews", rows);
        model.addAttribute("overdueCount", rows.stream().filter(ReviewRow::overdue).count());
        model.addAttribute("promiseHours", promise.promise().toHours());
        model.addAttribute("maxReasonLength", Decision.MAX_REASON_LENGTH);
        model.addAttribute("identityReviews",
                identityReviews.list(IdentityReviewFilter.PENDING).stream().map(IdentityReviewRow::of).toList());
        model.addAttribute("maxIdentityReasonLength", IdentityReview.MAX_REASON_LENGTH);
        model.addAttribute("username", staff.getName());
        return "backoffice/reviews";
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

    @PostMapping("/reviews/{id}/rejection")
    String reject(@PathVariable String id, @RequestParam(required = false) String reason, Principal staff,
                  RedirectAttributes flash) {
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
