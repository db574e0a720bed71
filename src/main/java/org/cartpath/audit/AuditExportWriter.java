package org.cartpath.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.shared.CanonicalJson;

/**
 * Writes the lines of an audit export ({@code docs/audit-export-format.md}), each a canonical JSON object (keys sorted,
 * no whitespace) and a newline: the header, the checkpoints, the rows, the end line. The offline verifier reads exactly
 * these.
 */
final class AuditExportWriter {

    private final Writer writer;
    private final CanonicalJson json;
    private long rows;
    private long checkpoints;

    AuditExportWriter(Writer writer, CanonicalJson json) {
        this.writer = writer;
        this.json = json;
    }

    /** The header: the format, its version, when, the genesis hash and the keys (id and X.509 base64) that signed. */
    void header(Instant exportedAt, Map<String, String> publicKeysById) {
        List<Map<String, Object>> keys = new ArrayList<>();
        publicKeysById.forEach((id, key) -> keys.add(Map.of("keyId", id, "publicKey", key)));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "header");
        line.put("format", AuditExport.FORMAT);
        line.put("version", AuditExport.VERSION);
        line.put("exportedAt", exportedAt.toString());
        line.put("genesis", AuditChain.GENESIS);
        line.put("publicKeys", keys);
        write(line);
    }

    void checkpoint(AuditCheckpoint checkpoint) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "checkpoint");
        line.put("seq", checkpoint.seq());
        line.put("hash", checkpoint.hash());
        line.put("signedAt", checkpoint.signedAt().toString());
        line.put("keyId", checkpoint.keyId());
        line.put("signature", checkpoint.signature());
        write(line);
        checkpoints++;
    }

    /** A chained row: its place, its link, its hash and the exact canonical text the hash covers. */
    void row(long seq, String previousHash, String hash, String canonicalRow) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "row");
        line.put("seq", seq);
        line.put("previousHash", previousHash);
        line.put("hash", hash);
        line.put("row", canonicalRow);
        write(line);
        rows++;
    }

    void end() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "end");
        line.put("rows", rows);
        line.put("checkpoints", checkpoints);
        write(line);
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Map<String, Object> line) {
        try {
            writer.write(json.write(line));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
