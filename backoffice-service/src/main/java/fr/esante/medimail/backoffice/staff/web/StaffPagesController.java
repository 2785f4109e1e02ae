package fr.esante.medimail.backoffice.staff.web;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The login form and the "access denied" page of the staff pages (templates under templates/backoffice/). */
@Controller
class StaffPagesController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "backoffice/login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/reviews";
    }

    @RequestMapping("/acces-refuse")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String accessDenied(Principal principal, Model model) {
        model.addAttribute("username", principal == null ? null : principal.getName());
        return "backoffice/access-denied";
    }
}
