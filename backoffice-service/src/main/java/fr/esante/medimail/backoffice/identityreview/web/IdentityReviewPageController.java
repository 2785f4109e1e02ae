package fr.esante.medimail.backoffice.identityreview.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.esante.medimail.backoffice.identityreview.IdentityReview;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewAlreadyDecided;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewDesk;
import fr.esante.medimail.backoffice.identityreview.IdentityReviewNotFound;

/** The buttons of the identity reviews on the staff page (listed by the reviews page, /reviews). */
@Controller
class IdentityReviewPageController {

    private final IdentityReviewDesk desk;

    IdentityReviewPageController(IdentityReviewDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/identity-reviews/{id}/confirmation")
    String confirm(@PathVariable String id, Principal staff, RedirectAttributes flash) {
        try {
            IdentityReview concluded = desk.confirm(IdentityReviewApiController.reviewId(id), staff.getName());
            flash.addFlashAttribute("success", "Identité de " + name(concluded) + " confirmée : la demande suit son cours"
                    + " (attribution de l'adresse MSSanté, puis validation du compte).");
        } catch (IdentityReviewNotFound | IdentityReviewAlreadyDecided e) {
            flash.addFlashAttribute("error", refusal(e));
        }
        return "redirect:/reviews";
    }

    @PostMapping("/identity-reviews/{id}/refusal")
    String refuse(@PathVariable String id, @RequestParam(required = false) String reason, Principal staff,
                  RedirectAttributes flash) {
        if (!IdentityReview.validReason(reason)) {
            flash.addFlashAttribute("error", reason == null || reason.isBlank()
                    ? "Indiquez le motif du refus : il sera affiché au demandeur."
                    : "Le motif ne peut pas dépasser " + IdentityReview.MAX_REASON_LENGTH + " caractères.");
            return "redirect:/reviews";
        }
        try {
            IdentityReview concluded = desk.refuse(IdentityReviewApiController.reviewId(id), staff.getName(), reason);
            flash.addFlashAttribute("success", "Identité de " + name(concluded) + " refusée : le motif lui est affiché.");
        } catch (IdentityReviewNotFound | IdentityReviewAlreadyDecided e) {
            flash.addFlashAttribute("error", refusal(e));
        }
        return "redirect:/reviews";
    }

    private static String refusal(RuntimeException e) {
        if (e instanceof IdentityReviewAlreadyDecided decided) {
            return IdentityReviewApiController.alreadyDecidedMessage(decided.review());
        }
        return "Cette vérification d'identité n'existe pas.";
    }

    private static String name(IdentityReview review) {
        return review.request().declaredFirstName() + " " + review.request().declaredLastName();
    }
}
