package org.cartpath.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An exported audit trail verifies offline with its public key; any change to it, or another key, does not. */
class OfflineAuditVerifierTest {

    private static final KeyPair KEY = ExportSamples.newKey();

    @Test
    void anIntactExportVerifiesWithTheGivenPublicKeyAndWithItsOwn() throws IOException {
        String export = ExportSamples.export(KEY, 5);
        OfflineAuditVerifier.Result trusted = verify(export, OfflineAuditVerifier.readPublicKey(
                ExportSamples.publicKeyPem(KEY)));
        assertThat(trusted.intact()).as(trusted.problem()).isTrue();
        assertThat(trusted.rows()).isEqualTo(5);
        assertThat(trusted.checkpoints()).isEqualTo(1);
        assertThat(trusted.signedUpTo()).isEqualTo(5);
        assertThat(trusted.trustedKey()).isTrue();
        OfflineAuditVerifier.Result own = verify(export, null);
        assertThat(own.intact()).isTrue();
        assertThat(own.trustedKey()).isFalse();
        assertThat(own.keyIds()).containsExactly(AuditSigningKey.keyId(KEY.getPublic()));
    }

    @Test
    void anAlteredRowIsFoundAtThatRow() throws IOException {
        String export = ExportSamples.export(KEY, 5);
        String altered = export.replace(":102}", ":1020}"); // row 3's dose, inside its canonical text
        assertThat(altered).isNotEqualTo(export);
        OfflineAuditVerifier.Result result = verify(altered, null);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.problem()).contains("row 3 has been altered");
    }

    @Test
    void aRemovedRowIsFoundAsMissing() throws IOException {
        List<String> lines = new ArrayList<>(ExportSamples.export(KEY, 5).lines().toList());
        lines.removeIf(line -> line.contains("\"seq\":4,\"type\":\"row\""));
        OfflineAuditVerifier.Result result = verify(String.join("\n", lines) + "\n", null);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(4);
        assertThat(result.problem()).contains("row 4 is missing");
    }

    @Test
    void anExportCutShortAfterItsSignedRowsIsRefused() throws IOException {
        List<String> lines = ExportSamples.export(KEY, 5).lines().toList();
        // drop the last row and rewrite the end line to match, as a forger hiding the latest rows would
        List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 2));
        cut.add("{\"checkpoints\":1,\"rows\":4,\"type\":\"end\"}");
        OfflineAuditVerifier.Result result = verify(String.join("\n", cut) + "\n", null);
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("a checkpoint signs row 5");
    }

    @Test
    void anotherPublicKeyDoesNotVerifyTheCheckpoints() throws IOException {
        PublicKey other = ExportSamples.newKey().getPublic();
        OfflineAuditVerifier.Result result = verify(ExportSamples.export(KEY, 5), other);
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("not by the given public key");
    }

    @Test
    void aCheckpointSignedByAnotherKeyDoesNotVerifyEvenWithThatKeyInTheHeader() throws IOException {
        KeyPair forger = ExportSamples.newKey();
        String genuine = ExportSamples.export(KEY, 5);
        String forged = ExportSamples.export(forger, 5);
        // a forger re-signs the same rows with their own key: consistent, but not under the operator's key
        assertThat(verify(forged, null).intact()).isTrue();
        assertThat(verify(forged, KEY.getPublic()).intact()).isFalse();
        assertThat(verify(genuine, KEY.getPublic()).intact()).isTrue();
    }

    @Test
    void aChangedCharacterAnywhereIsFound() throws IOException {
        String export = ExportSamples.export(KEY, 3);
        PublicKey key = KEY.getPublic();
        int exportedAt = export.indexOf("\"exportedAt\":\"");
        int exportedAtEnd = export.indexOf('"', exportedAt + 14);
        List<Integer> undetected = new ArrayList<>();
        // every 7th character (Ed25519 verification is slow in the JDK; 7 is prime to the lines' regular widths, so every
        // field of every line type is hit)
        for (int i = 0; i < export.length(); i += 7) {
            if (i >= exportedAt && i <= exportedAtEnd) {
                continue; // when the file was written is information, not evidence (docs/audit-export-format.md)
            }
            char c = export.charAt(i);
            char changed = c == '0' ? '1' : c == 'a' ? 'b' : (char) (c == '\n' ? 'x' : c ^ 0x01);
            String tampered = export.substring(0, i) + changed + export.substring(i + 1);
            if (verify(tampered, key).intact()) {
                undetected.add(i);
            }
        }
        assertThat(undetected).as("positions whose change went unnoticed").isEmpty();
    }

    @Test
    void anEmptyFileOrAnotherFormatIsRefused() throws IOException {
        assertThat(verify("", null).problem()).contains("empty");
        assertThat(verify("{\"type\":\"header\",\"format\":\"something-else\",\"version\":1}\n", null).problem())
                .contains("not a cartpath audit export");
        assertThat(verify("not json\n", null).problem()).contains("not valid JSON");
    }

    private static OfflineAuditVerifier.Result verify(String export, PublicKey key) throws IOException {
        return OfflineAuditVerifier.verify(new BufferedReader(new StringReader(export)), key);
    }
}
