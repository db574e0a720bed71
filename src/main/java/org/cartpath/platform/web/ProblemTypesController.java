package org.cartpath.platform.web;

import org.cartpath.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The problem type URIs resolve to a page that says what each means. */
@Controller
class ProblemTypesController {

    @GetMapping("/problems")
    String all(Model model) {
        model.addAttribute("types", ProblemTypes.all());
        return "platform/problems";
    }

    @GetMapping("/problems/{name}")
    String one(@PathVariable String name, Model model) {
        String meaning = ProblemTypes.all().get(name);
        if (meaning == null) {
            throw new NotFoundException("problem type", name);
        }
        model.addAttribute("types", java.util.Map.of(name, meaning));
        return "platform/problems";
    }
}
