package org.cartpath.referral.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cartpath.catalogue.SourcedNumber;

/** Reading a criterion's parameters, which the catalogue may leave absent (a number no source gives). */
final class Parameters {

    private Parameters() {
    }

    /** The whole number of a parameter, or empty when the catalogue gives none. */
    static Optional<Integer> whole(SourcedNumber number) {
        return number == null || !number.present() ? Optional.empty() : Optional.of(number.value().intValue());
    }

    /** Why a parameter is missing, for the data column: the catalogue's own note. */
    static String missing(String what, SourcedNumber number) {
        String note = number == null ? null : number.note();
        return "the catalogue gives no " + what + (note == null ? "" : " (" + note + ")");
    }

    /** The constants named by {@code values}; names the catalogue reader let through but this code does not know are skipped. */
    static <E extends Enum<E>> List<E> constants(List<String> values, Class<E> type) {
        List<E> constants = new ArrayList<>();
        for (String value : values) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    constants.add(constant);
                }
            }
        }
        return constants;
    }
}
