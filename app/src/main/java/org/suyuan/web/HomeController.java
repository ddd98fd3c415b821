package org.suyuan.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page and the sign-in page. */
@PageController
class HomeController {

    private final boolean demo;
    private final ObjectProvider<ScanShowcase> showcase;

    HomeController(@Value("${suyuan.demo.enabled:false}") boolean demo, ObjectProvider<ScanShowcase> showcase) {
        this.demo = demo;
        this.showcase = showcase;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("demo", demo);
        model.addAttribute(
                "showcase",
                showcase.stream().flatMap(codes -> codes.entries().stream()).toList());
        return "index";
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demo", demo);
        return "login";
    }
}
