package org.suyuan.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page and the sign-in page. */
@PageController
class HomeController {

    private final boolean demo;

    HomeController(@Value("${suyuan.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("demo", demo);
        return "index";
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demo", demo);
        return "login";
    }
}
