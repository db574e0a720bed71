package org.cartpath.custody.chain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.cartpath.shared.Role;

/**
 * The checks two different people make, each scanning and each signing (ADR 0016; docs/clinical/isbt128.md:
 * "identity at receipt and at the bedside is confirmed by two different people"), and who may make them. Other
 * modules name the checks they drive as {@link org.cartpath.custody.CustodySteps.TwoPersonCheck}.
 */
public enum VerificationStep {
    /** Before the collection bag leaves: wristband, bag and case. */
    COLLECTION("Collection check", EnumSet.of(Role.APHERESIS_NURSE, Role.CELL_THERAPY_LAB), ItemKind.COLLECTION_BAG),
    /** The product back at the centre: the product's COI against the case. */
    RECEIPT_AT_CENTRE("Receipt check", EnumSet.of(Role.CELL_THERAPY_LAB, Role.PHARMACIST), ItemKind.PRODUCT_BAG),
    /** Before infusion: the patient's wristband against the product bag. */
    BEDSIDE("Bedside check", EnumSet.of(Role.WARD_NURSE, Role.CONSULTANT), ItemKind.PRODUCT_BAG);

    private final String label;
    private final Set<Role> roles;
    private final ItemKind itemKind;

    VerificationStep(String label, Set<Role> roles, ItemKind itemKind) {
        this.label = label;
        this.roles = roles;
        this.itemKind = itemKind;
    }

    public String label() {
        return label;
    }

    /** The roles that may take part; each person signs in one of them. */
    public Set<Role> roles() {
        return roles;
    }

    /**
     * The roles that may make, and so witness, this check, in words for the page: "apheresis nurse, cell-therapy
     * laboratory". The witness is any other person holding one of them.
     */
    public String rolesInWords() {
        return roles.stream().map(r -> r.label().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** The kind of item this check is made on. */
    public ItemKind itemKind() {
        return itemKind;
    }
}
