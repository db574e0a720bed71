package org.cartpath.catalogue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.cartpath.catalogue.FollowUpParameters;
import org.cartpath.catalogue.RenalFunctionParameters;
import org.cartpath.catalogue.TocilizumabParameters;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The catalogue's clinical parameter documents shipped with cartpath ({@code classpath:catalogue/parameters/}), read
 * and checked when the application starts: an invalid file stops start-up with the file and the field at fault. They
 * are not label versions (no product's label says how a child's renal function is estimated), and their path is
 * outside {@code catalogue/*.yaml}, which holds the product files.
 */
@Component
public class CatalogueParameters {

    static final String RENAL_FUNCTION = "catalogue/parameters/renal-function.yaml";
    static final String TOCILIZUMAB = "catalogue/parameters/tocilizumab.yaml";
    static final String FOLLOW_UP = "catalogue/parameters/follow-up.yaml";

    private final RenalFunctionParameters renalFunction;
    private final TocilizumabParameters tocilizumab;
    private final FollowUpParameters followUp;

    public CatalogueParameters() {
        this.renalFunction = read(RENAL_FUNCTION, ParameterReader::renalFunction);
        this.tocilizumab = read(TOCILIZUMAB, ParameterReader::tocilizumabDocument);
        this.followUp = read(FOLLOW_UP, ParameterReader::followUp);
    }

    public RenalFunctionParameters renalFunction() {
        return renalFunction;
    }

    /** Tocilizumab for CRS when a label version gives no numbers of its own. */
    public TocilizumabParameters tocilizumab() {
        return tocilizumab;
    }

    /** The registry track a case gets by default and the default clinic visits. */
    public FollowUpParameters followUp() {
        return followUp;
    }

    private static <T> T read(String file, java.util.function.Function<String, T> reader) {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return reader.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (InvalidCatalogueDocument e) {
            throw e.inFile(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
