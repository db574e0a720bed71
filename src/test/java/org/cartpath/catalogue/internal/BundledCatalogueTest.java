package org.cartpath.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.ProductCode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The product files shipped with cartpath: they load, cover every product, and every number has a source. */
class BundledCatalogueTest {

    private final BundledCatalogue catalogue = new BundledCatalogue();

    @Test
    void everyProductHasAFileAndTheFilesLoad() {
        assertThat(catalogue.products()).extracting(p -> p.code()).containsExactlyInAnyOrder(ProductCode.values());
        assertThat(catalogue.versions()).hasSizeGreaterThanOrEqualTo(ProductCode.values().length);
    }

    @Test
    void holdsTheJurisdictionsOfDomainSectionTwo() {
        assertThat(jurisdictionsOf(ProductCode.KYMRIAH)).containsExactlyInAnyOrder(Jurisdiction.US, Jurisdiction.EU,
                Jurisdiction.UK);
        assertThat(jurisdictionsOf(ProductCode.AUCATZYL)).contains(Jurisdiction.US, Jurisdiction.UK);
        // NICE terminated its myeloma CAR-T appraisals: no UK entries, US kept
        assertThat(jurisdictionsOf(ProductCode.ABECMA)).containsExactly(Jurisdiction.US);
        assertThat(jurisdictionsOf(ProductCode.CARVYKTI)).containsExactly(Jurisdiction.US);
    }

    @Test
    void kymriahUsHasNoRelapseAfterTransplantButTheUkVersionDoes() {
        assertThat(statusesOf("KYMRIAH-US-2025-06")).containsExactlyInAnyOrder("REFRACTORY", "SECOND_OR_LATER_RELAPSE");
        assertThat(statusesOf("KYMRIAH-UK-2026-11")).containsExactlyInAnyOrder("REFRACTORY", "SECOND_OR_LATER_RELAPSE",
                "RELAPSED_AFTER_TRANSPLANT");
    }

    @Test
    void everyNumberInEveryFileHasASource() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(BundledCatalogue.LOCATION);
        assertThat(files).hasSize(ProductCode.values().length);
        List<String> unsourced = new ArrayList<>();
        for (Resource file : files) {
            Object tree = CatalogueYaml.parse(file.getContentAsString(StandardCharsets.UTF_8));
            collectUnsourced(tree, file.getFilename(), null, unsourced);
        }
        assertThat(unsourced).as("numbers without a source").isEmpty();
    }

    @Test
    void findsAnUnsourcedNumberWhereverItIs() {
        List<String> unsourced = new ArrayList<>();
        collectUnsourced(CatalogueYaml.parse("a: {value: 3}\nb: {values: [1, 2]}\nc: [{value: 4, source: x}]\nd: 5"),
                "test", null, unsourced);
        assertThat(unsourced).containsExactly("test.a.value", "test.b.values[0]", "test.b.values[1]", "test.d");
    }

    /** A number is sourced only as {value, source} or inside {values: [...], source}. */
    private static void collectUnsourced(Object node, String path, Map<?, ?> parent, List<String> unsourced) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnsourced(v, path + "." + k, map, unsourced));
        } else if (node instanceof List<?> list) {
            boolean sourcedList = parent != null && path.endsWith(".values") && hasSource(parent);
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Number && sourcedList) {
                    continue;
                }
                collectUnsourced(list.get(i), path + "[" + i + "]", null, unsourced);
            }
        } else if (node instanceof Number) {
            if (!(path.endsWith(".value") && hasSource(parent))) {
                unsourced.add(path);
            }
        }
    }

    private static boolean hasSource(Map<?, ?> map) {
        return map != null && map.get("source") instanceof String s && !s.isBlank();
    }

    @Test
    void startUpFailsOnTheFileAndFieldAtFault() {
        assertThatThrownBy(() -> new BundledCatalogue("classpath:catalogue-test/broken/*.yaml"))
                .isInstanceOf(InvalidCatalogueDocument.class)
                .hasMessage("catalogue/abecma.yaml: labelVersions[0].indications[0].dose.bands[0].minCells.value: "
                        + "must be greater than 0");
    }

    @Test
    void startUpFailsWhenAProductHasNoFile() {
        assertThatThrownBy(() -> new BundledCatalogue("classpath:catalogue-test/incomplete/*.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The catalogue at classpath:catalogue-test/incomplete/*.yaml has no file for "
                        + "[KYMRIAH, YESCARTA, TECARTUS, BREYANZI, CARVYKTI, AUCATZYL]");
    }

    @Test
    void refusesAProductFileWhoseVersionBelongsToAnotherProduct() {
        String text = """
                product: {code: ABECMA, name: Abecma, inn: x, manufacturer: y, targetAntigen: BCMA}
                labelVersions:
                """ + LabelVersionDocuments.indented(LabelVersionDocuments.valid(), "  - ", "    ");
        assertThatThrownBy(() -> BundledCatalogue.readProductFile("catalogue/abecma.yaml", text))
                .isInstanceOf(InvalidCatalogueDocument.class)
                .hasMessage("catalogue/abecma.yaml: labelVersions[0].product: must be ABECMA, the product of this file");
    }

    @Test
    void namesTheFileAndTheFullPathOfAFieldAtFault() {
        String text = """
                product: {code: KYMRIAH, name: Kymriah, inn: x, manufacturer: y, targetAntigen: CD19}
                labelVersions:
                """ + LabelVersionDocuments.indented(LabelVersionDocuments.valid()
                .replace("source: \"USPI §2: 0.2 to 5.0 × 10^6 per kg\"}", "}"), "  - ", "    ");
        assertThatThrownBy(() -> BundledCatalogue.readProductFile("catalogue/kymriah.yaml", text))
                .hasMessage("catalogue/kymriah.yaml: labelVersions[0].indications[0].dose.bands[0].minCellsPerKg.source:"
                        + " is required: every number needs its source");
    }

    private List<Jurisdiction> jurisdictionsOf(ProductCode product) {
        return catalogue.versions().stream().map(BundledCatalogue.BundledVersion::version)
                .filter(v -> v.product() == product).map(LabelVersion::jurisdiction).toList();
    }

    private List<String> statusesOf(String versionId) {
        LabelVersion version = catalogue.versions().stream().map(BundledCatalogue.BundledVersion::version)
                .filter(v -> v.id().equals(versionId)).findFirst().orElseThrow();
        return version.indication(org.cartpath.catalogue.Indication.B_ALL).orElseThrow().eligibility().get(0).criteria()
                .stream().filter(c -> c.rule() == org.cartpath.catalogue.EligibilityCriterion.Rule.DISEASE_STATUS_ANY_OF)
                .findFirst().orElseThrow().values();
    }
}
