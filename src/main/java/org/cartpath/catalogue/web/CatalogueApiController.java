package org.cartpath.catalogue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.LabelVersionManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue over REST: readable by any signed-in person or system; versions added by the operator's administrators. */
@RestController
@RequestMapping("/api/v1/catalogue")
@Tag(name = "Catalogue", description = "CAR-T products and their label versions: indications, dose, lymphodepletion, monitoring")
class CatalogueApiController {

    private final Catalogue catalogue;
    private final LabelVersionManagement management;

    CatalogueApiController(Catalogue catalogue, LabelVersionManagement management) {
        this.catalogue = catalogue;
        this.management = management;
    }

    @GetMapping("/products")
    @Operation(summary = "The products, each with its label versions and the one current in each jurisdiction today")
    Page<ProductView> products(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page.Request request = new Page.Request(page, size);
        List<ProductView> all = catalogue.products().stream().map(p -> ProductView.of(p, catalogue)).toList();
        int from = Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return new Page<>(all.subList(from, to), request.page(), request.size(), all.size());
    }

    @GetMapping("/products/{code}")
    ProductView product(Actor actor, @PathVariable String code) {
        return ProductView.of(catalogue.product(Codes.product(code)), catalogue);
    }

    @GetMapping("/label-versions/{id}")
    @Operation(summary = "A label version by id, current or not: what a case assessed under it keeps using")
    LabelVersion labelVersion(Actor actor, @PathVariable String id) {
        return catalogue.labelVersion(id).orElseThrow(() -> new NotFoundException("label version", id));
    }

    @PostMapping("/label-versions")
    @Operation(summary = "Add a label version, sent as YAML (application/yaml) or JSON; operator administrators only. "
            + "400 names the field at fault; 409 if the id or the effective day is taken")
    ResponseEntity<LabelVersion> add(Actor actor, @RequestBody String document) {
        LabelVersion added = management.add(actor, document);
        return ResponseEntity.created(URI.create("/api/v1/catalogue/label-versions/" + added.id())).body(added);
    }
}
