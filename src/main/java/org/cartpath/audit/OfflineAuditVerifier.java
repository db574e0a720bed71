package org.cartpath.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies an export of the audit trail ({@link AuditExport}, {@code docs/audit-export-format.md}) with no database
 * and no Spring: every row's hash and link, and every checkpoint's Ed25519 signature and the row it signs. Used by
 * {@code java -jar cartpath.jar audit-verify --export FILE [--public-key FILE]}.
 *
 * <p>With a public key, every checkpoint must be signed by it; without one, by a key listed in the file's own header,
 * which proves only that the file is consistent (the result says which key, to compare with the published one).
 */
public final class OfflineAuditVerifier {

    /**
     * @param intact         whether the file verified
     * @param rows           rows read (up to the first broken one)
     * @param checkpoints    signed checkpoints read and checked
     * @param signedUpTo     the highest row a valid checkpoint signs, or null when none does
     * @param firstBrokenSeq the row at which verification failed, or null (also null when the fault is not in a row)
     * @param line           the line of the file at which it failed, or 0
     * @param problem        what is wrong, or null
     * @param keyIds         the keys that signed the checkpoints
     * @param trustedKey     whether the signatures were checked against a key given by the verifier's user
     */
    public record Result(boolean intact, long rows, long checkpoints, Long signedUpTo, Long firstBrokenSeq, long line,
            String problem, java.util.Set<String> keyIds, boolean trustedKey) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OfflineAuditVerifier() {
    }

    /** Reads a public key given as PEM ({@code -----BEGIN PUBLIC KEY-----}) or as bare base64 of its X.509 encoding. */
    public static PublicKey readPublicKey(String text) {
        try {
            byte[] der = text.contains("-----BEGIN") ? AuditSigningKey.block(text, "PUBLIC KEY")
                    : Base64.getMimeDecoder().decode(text.trim());
            if (!text.contains("-----BEGIN") && !Base64.getEncoder().encodeToString(der).equals(text.trim())) {
                throw new IllegalArgumentException("its base64 is not in canonical form");
            }
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** Verifies an export read line by line; {@code trusted} may be null. */
    public static Result verify(BufferedReader in, PublicKey trusted) throws IOException {
        return new Walk(trusted).run(in);
    }

    private static final class Broken extends RuntimeException {
        final Long seq;

        Broken(Long seq, String message) {
            super(message, null, false, false);
            this.seq = seq;
        }
    }

    private static final class Walk {
        final PublicKey trusted;
        final String trustedId;
        final Map<String, PublicKey> keys = new HashMap<>();
        /** What each checkpoint says the hash of a row is, by row. */
        final TreeMap<Long, String> signed = new TreeMap<>();
        long line;
        long rows;
        long checkpoints;
        String previousHash;
        boolean ended;

        Walk(PublicKey trusted) {
            this.trusted = trusted;
            this.trustedId = trusted == null ? null : AuditSigningKey.keyId(trusted);
        }

        Result run(BufferedReader in) throws IOException {
            try {
                String text;
                while ((text = in.readLine()) != null) {
                    line++;
                    if (ended) {
                        throw new Broken(null, "there is more after the end line");
                    }
                    JsonNode node = parse(text);
                    String type = string(node, "type");
                    if (line == 1 && !type.equals("header")) {
                        throw new Broken(null, "the first line is not the export's header");
                    }
                    switch (type) {
                        case "header" -> header(node);
                        case "checkpoint" -> checkpoint(node);
                        case "row" -> row(node);
                        case "end" -> end(node);
                        default -> throw new Broken(null, "unknown line type '" + type + "'");
                    }
                }
                if (line == 0) {
                    throw new Broken(null, "the file is empty");
                }
                if (!ended) {
                    throw new Broken(null, "the file ends before its end line: it has been cut short");
                }
                if (!signed.isEmpty() && signed.lastKey() > rows) {
                    throw new Broken(rows + 1, "the file ends at row " + rows + " but a checkpoint signs row "
                            + signed.lastKey() + ": rows are missing from its end");
                }
                return new Result(true, rows, checkpoints, signed.isEmpty() ? null : signed.lastKey(), null, 0, null,
                        keys.keySet(), trusted != null);
            } catch (Broken broken) {
                return new Result(false, rows, checkpoints, null, broken.seq, line, broken.getMessage(), keys.keySet(),
                        trusted != null);
            }
        }

        void header(JsonNode node) {
            if (line != 1) {
                throw new Broken(null, "a second header");
            }
            if (!AuditExport.FORMAT.equals(string(node, "format"))) {
                throw new Broken(null, "not a cartpath audit export");
            }
            if (!node.path("version").isIntegralNumber() || node.path("version").longValue() != AuditExport.VERSION) {
                throw new Broken(null, "format version " + node.path("version") + " is not version "
                        + AuditExport.VERSION);
            }
            previousHash = string(node, "genesis");
            if (!previousHash.equals(AuditChain.GENESIS)) {
                throw new Broken(null, "the chain does not start from the genesis hash");
            }
            if (!node.path("publicKeys").isArray()) {
                throw new Broken(null, "the header lists no public keys");
            }
            for (JsonNode key : node.path("publicKeys")) {
                String keyId = string(key, "keyId");
                PublicKey publicKey;
                try {
                    publicKey = readPublicKey(string(key, "publicKey"));
                } catch (IllegalArgumentException e) {
                    throw new Broken(null, "public key " + keyId + " is " + e.getMessage());
                }
                if (!AuditSigningKey.keyId(publicKey).equals(keyId)) {
                    throw new Broken(null, "public key " + keyId + " does not have that id");
                }
                keys.put(keyId, publicKey);
            }
        }

        void checkpoint(JsonNode node) {
            if (rows > 0) {
                throw new Broken(null, "a checkpoint after the rows");
            }
            long seq = number(node, "seq");
            String hash = string(node, "hash");
            String keyId = string(node, "keyId");
            Instant signedAt;
            try {
                signedAt = Instant.parse(string(node, "signedAt"));
            } catch (DateTimeParseException e) {
                throw new Broken(seq, "the checkpoint of row " + seq + " has no valid signing time");
            }
            PublicKey key;
            if (trusted != null) {
                if (!trustedId.equals(keyId)) {
                    throw new Broken(seq, "the checkpoint of row " + seq + " is signed by key " + keyId
                            + ", not by the given public key " + trustedId);
                }
                key = trusted;
            } else {
                key = keys.get(keyId);
                if (key == null) {
                    throw new Broken(seq, "the checkpoint of row " + seq + " is signed by key " + keyId
                            + ", which the header does not list");
                }
            }
            byte[] signature;
            try {
                String text = string(node, "signature");
                signature = Base64.getDecoder().decode(text);
                if (!Base64.getEncoder().encodeToString(signature).equals(text)) {
                    throw new IllegalArgumentException("not canonical");
                }
            } catch (IllegalArgumentException e) {
                throw new Broken(seq, "the checkpoint of row " + seq + " has a signature that is not base64");
            }
            if (!valid(key, AuditChain.checkpointMessage(seq, hash, signedAt), signature)) {
                throw new Broken(seq, "the signature of the checkpoint of row " + seq + " does not verify");
            }
            String other = signed.putIfAbsent(seq, hash);
            if (other != null && !other.equals(hash)) {
                throw new Broken(seq, "two checkpoints sign different hashes for row " + seq);
            }
            checkpoints++;
        }

        void row(JsonNode node) {
            long expected = rows + 1;
            long seq = number(node, "seq");
            if (seq != expected) {
                throw new Broken(expected, "row " + expected + " is missing (the next row is " + seq + ")");
            }
            String canonical = string(node, "row");
            JsonNode content = parse(canonical);
            if (!content.path("seq").isIntegralNumber() || content.path("seq").longValue() != seq) {
                throw new Broken(seq, "row " + seq + " has been altered: its content names another place in the chain");
            }
            if (!string(node, "previousHash").equals(previousHash)) {
                throw new Broken(seq, "row " + seq + " does not link to the hash of row " + (seq - 1));
            }
            String hash = string(node, "hash");
            if (!AuditChain.link(previousHash, canonical).equals(hash)) {
                throw new Broken(seq, "row " + seq + " has been altered: its content no longer matches its hash");
            }
            String signedHash = signed.get(seq);
            if (signedHash != null && !signedHash.equals(hash)) {
                throw new Broken(seq, "row " + seq + " is not the row its signed checkpoint names");
            }
            previousHash = hash;
            rows = seq;
        }

        void end(JsonNode node) {
            if (number(node, "rows") != rows) {
                throw new Broken(null, "the end line counts " + number(node, "rows") + " rows, the file has " + rows);
            }
            if (number(node, "checkpoints") != checkpoints) {
                throw new Broken(null, "the end line counts " + number(node, "checkpoints") + " checkpoints, the file has "
                        + checkpoints);
            }
            ended = true;
        }

        /** The row a malformed line is taken to be: the next one once rows have begun. */
        Long here() {
            return rows > 0 ? rows + 1 : null;
        }

        JsonNode parse(String text) {
            try {
                JsonNode node = JSON.readTree(text);
                if (node == null || !node.isObject()) {
                    throw new Broken(here(), "line " + line + " is not a JSON object");
                }
                return node;
            } catch (JacksonException e) {
                throw new Broken(here(), "line " + line + " is not valid JSON");
            }
        }

        String string(JsonNode node, String field) {
            JsonNode value = node.path(field);
            if (!value.isString()) {
                throw new Broken(here(), "line " + line + " has no text '" + field + "'");
            }
            return value.stringValue();
        }

        long number(JsonNode node, String field) {
            JsonNode value = node.path(field);
            if (!value.isIntegralNumber()) {
                throw new Broken(here(), "line " + line + " has no whole number '" + field + "'");
            }
            return value.longValue();
        }

        static boolean valid(PublicKey key, byte[] message, byte[] signature) {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(message);
                return verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }
}
