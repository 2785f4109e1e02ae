package fr.esante.medimail.registration.registration.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** GET /: the public home page (registration and sign-in forms calling the API). */
@Controller
class HomePageController {

    @GetMapping("/")
    String home() {
        return "registration/home";
    }
}
