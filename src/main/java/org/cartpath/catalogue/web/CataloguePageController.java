package org.cartpath.catalogue.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.LabelVersionManagement;
import org.cartpath.catalogue.LabelVersionSummary;
import org.cartpath.catalogue.Product;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalogue pages: products, a product's label versions, a version's details — readable by anyone signed
 * in — and the form on which the operator's administrators add a version by pasting or uploading its YAML.
 */
@Controller
@RequestMapping("/admin/catalogue")
class CataloguePageController {

    static final String PRODUCTS = "catalogue/products";
    static final String PRODUCT = "catalogue/product";
    static final String VERSION = "catalogue/label-version";
    static final String FORM = "catalogue/label-version-form";

    /** A product in the list, with the id of the version in force today in each jurisdiction. */
    record ProductRow(Product product, int versions, Map<Jurisdiction, String> current) {
    }

    private final Catalogue catalogue;
    private final LabelVersionManagement management;

    CataloguePageController(Catalogue catalogue, LabelVersionManagement management) {
        this.catalogue = catalogue;
        this.management = management;
    }

    @GetMapping
    String products(Actor actor, Model model) {
        List<ProductRow> rows = catalogue.products().stream()
                .map(p -> new ProductRow(p, catalogue.labelVersions(p.code()).size(), current(p))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("jurisdictions", Jurisdiction.values());
        model.addAttribute("canAdd", LabelVersionManagement.mayAdd(actor));
        return PRODUCTS;
    }

    @GetMapping("/products/{code}")
    String product(Actor actor, @PathVariable String code, Model model) {
        Product product = catalogue.product(Codes.product(code));
        List<LabelVersionSummary> versions = catalogue.labelVersions(product.code());
        model.addAttribute("product", product);
        model.addAttribute("versions", versions);
        model.addAttribute("current", current(product));
        model.addAttribute("canAdd", LabelVersionManagement.mayAdd(actor));
        return PRODUCT;
    }

    @GetMapping("/label-versions/{id}")
    String labelVersion(Actor actor, @PathVariable String id, Model model) {
        LabelVersion version = catalogue.labelVersion(id).orElseThrow(() -> new NotFoundException("label version", id));
        model.addAttribute("version", version);
        model.addAttribute("summary", catalogue.labelVersionSummary(id).orElseThrow());
        model.addAttribute("product", catalogue.product(version.product()));
        model.addAttribute("current", id.equals(current(catalogue.product(version.product())).get(version.jurisdiction())));
        return VERSION;
    }

    @GetMapping("/label-versions/new")
    String newForm(Actor actor, Model model) {
        requireMayAdd(actor);
        model.addAttribute("document", "");
        model.addAttribute("errors", Map.of());
        return FORM;
    }

    @PostMapping("/label-versions")
    String add(Actor actor, @RequestParam(name = "document", required = false) String pasted,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        requireMayAdd(actor);
        String document = pasted;
        try {
            if (file != null && !file.isEmpty()) {
                document = new String(file.getBytes(), StandardCharsets.UTF_8);
            }
            LabelVersion added = management.add(actor, document);
            redirect.addFlashAttribute("success", "Label version " + added.id() + " has been added.");
            return "redirect:/admin/catalogue/label-versions/" + added.id();
        } catch (ProblemException e) {
            if (e.status() == 403) {
                throw e;
            }
            model.addAttribute("document", document == null ? "" : document);
            model.addAttribute("errors", Map.of("document", message(e)));
            return FORM;
        } catch (IOException e) {
            model.addAttribute("document", "");
            model.addAttribute("errors", Map.of("document", "The file could not be read; paste its text instead"));
            return FORM;
        }
    }

    /** "indications[0].dose…: is required" — the path is what an author needs to find the fault. */
    private static String message(ProblemException e) {
        if (e.fieldProblems().isEmpty()) {
            return e.detail();
        }
        ProblemException.FieldProblem first = e.fieldProblems().get(0);
        return "document".equals(first.field()) ? "The document " + first.message() : first.field() + ": " + first.message();
    }

    private Map<Jurisdiction, String> current(Product product) {
        Map<Jurisdiction, String> current = new EnumMap<>(Jurisdiction.class);
        for (Jurisdiction j : Jurisdiction.values()) {
            catalogue.currentLabelVersion(product.code(), j).ifPresent(v -> current.put(j, v.id()));
        }
        return current;
    }

    private static void requireMayAdd(Actor actor) {
        if (!LabelVersionManagement.mayAdd(actor)) {
            throw ProblemException.forbidden("Only administrators of the operating organisation add label versions");
        }
    }
}
