package org.cartpath.catalogue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.Product;
import org.cartpath.catalogue.ProductCode;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The product files shipped with cartpath ({@code classpath:catalogue/*.yaml}), read and checked when the
 * application starts: an invalid file stops start-up with the file and field at fault, so that a bad
 * label never reaches a patient. One file per product: the product, then its label versions.
 */
@Component
public class BundledCatalogue {

    static final String LOCATION = "classpath:catalogue/*.yaml";

    /** A product file as read: the product and its label versions, each with the document to store. */
    public record ProductFile(String file, Product product, List<BundledVersion> versions) {
    }

    /** A label version and the document tree it was read from (what the database keeps). */
    public record BundledVersion(String file, LabelVersion version, Object document) {
    }

    private final Map<ProductCode, ProductFile> files;

    public BundledCatalogue() {
        this(LOCATION);
    }

    BundledCatalogue(String location) {
        this.files = load(location);
    }

    public List<Product> products() {
        return files.values().stream().map(ProductFile::product).toList();
    }

    public Product product(ProductCode code) {
        return files.get(code).product();
    }

    public List<ProductFile> files() {
        return List.copyOf(files.values());
    }

    public List<BundledVersion> versions() {
        return files.values().stream().flatMap(f -> f.versions().stream()).toList();
    }

    private static Map<ProductCode, ProductFile> load(String location) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(location);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the catalogue files at " + location, e);
        }
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        Map<ProductCode, ProductFile> byProduct = new EnumMap<>(ProductCode.class);
        Map<String, String> versionFiles = new HashMap<>();
        for (Resource resource : resources) {
            String file = "catalogue/" + resource.getFilename();
            ProductFile read;
            try (InputStream in = resource.getInputStream()) {
                read = readProductFile(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file, e);
            }
            ProductFile previous = byProduct.put(read.product().code(), read);
            if (previous != null) {
                throw new IllegalStateException(file + ": product " + read.product().code() + " is also in "
                        + previous.file());
            }
            for (BundledVersion v : read.versions()) {
                String other = versionFiles.put(v.version().id(), file);
                if (other != null) {
                    throw new IllegalStateException(file + ": label version " + v.version().id() + " is also in " + other);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (ProductCode code : ProductCode.values()) {
            if (!byProduct.containsKey(code)) {
                missing.add(code.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The catalogue at " + location + " has no file for " + missing);
        }
        return byProduct;
    }

    /** Reads one product file; refuses it with the file and the path of the field at fault. */
    public static ProductFile readProductFile(String file, String text) {
        try {
            YamlObject root = YamlObject.root(CatalogueYaml.parse(text)).allow("product", "labelVersions");
            YamlObject p = root.object("product").allow("code", "name", "inn", "manufacturer", "targetAntigen");
            Product product = new Product(p.choice("code", ProductCode.class), p.text("name"), p.text("inn"),
                    p.text("manufacturer"), p.text("targetAntigen"));
            List<BundledVersion> versions = new ArrayList<>();
            for (YamlObject v : root.objects("labelVersions", true)) {
                LabelVersion version;
                try {
                    version = LabelVersionReader.read(v.rebased());
                } catch (InvalidCatalogueDocument e) {
                    throw new InvalidCatalogueDocument(v.path() + "." + e.path(), e.reason());
                }
                if (version.product() != product.code()) {
                    throw v.invalid("product", "must be " + product.code() + ", the product of this file");
                }
                versions.add(new BundledVersion(file, version, v.document()));
            }
            return new ProductFile(file, product, versions);
        } catch (InvalidCatalogueDocument e) {
            throw e.inFile(file);
        }
    }
}
