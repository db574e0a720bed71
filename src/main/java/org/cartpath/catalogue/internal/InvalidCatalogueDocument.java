package org.cartpath.catalogue.internal;

/**
 * A catalogue document that breaks a rule, naming the field at fault by its path in the document
 * ({@code indications[0].dose.bands[1].minCellsPerKg.source}) and, for a bundled file, the file.
 */
public class InvalidCatalogueDocument extends RuntimeException {

    private final String path;
    private final String reason;

    public InvalidCatalogueDocument(String path, String reason) {
        super((path.isEmpty() ? "document" : path) + ": " + reason);
        this.path = path.isEmpty() ? "document" : path;
        this.reason = reason;
    }

    /** The field at fault, or {@code document} for the document as a whole. */
    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }

    /** The same problem, located in a file of the bundled catalogue. */
    public InvalidCatalogueDocument inFile(String file) {
        InvalidCatalogueDocument located = new InvalidCatalogueDocument(file + ": " + path, reason);
        located.initCause(this);
        return located;
    }
}
