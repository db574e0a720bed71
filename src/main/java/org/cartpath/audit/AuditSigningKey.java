package org.cartpath.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.cartpath.shared.Hashing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs the chain's checkpoints (ADR 0025). It is read from {@code cartpath.audit.signing-key-file}
 * (by default {@code audit-signing-key.pem} in the data directory), a file holding the private key (PKCS#8) and the
 * public key (X.509) as PEM blocks; on first start the file is generated, readable by its owner only. Instances of one
 * deployment should be given the same file, so that one public key verifies every checkpoint.
 */
@Component
class AuditSigningKey {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private final Path file;
    private volatile KeyPair keys;

    AuditSigningKey(@Value("${cartpath.audit.signing-key-file:${cartpath.data.dir:./data}/audit-signing-key.pem}")
            String file) {
        this.file = Path.of(file);
    }

    /** Signs a checkpoint's message; answers the signature in base64. */
    String sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys().getPrivate());
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The public key, X.509 encoding in base64. */
    String publicKey() {
        return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
    }

    /** The public key as a PEM file, for auditors to verify exports offline. */
    String publicKeyPem() {
        return pem(PUBLIC, keys().getPublic().getEncoded());
    }

    String keyId() {
        return keyId(keys().getPublic());
    }

    static String keyId(PublicKey key) {
        return Hashing.sha256Hex(Base64.getEncoder().encodeToString(key.getEncoded()));
    }

    private KeyPair keys() {
        KeyPair loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = loadOrGenerate();
                }
                loaded = keys;
            }
        }
        return loaded;
    }

    private KeyPair loadOrGenerate() {
        try {
            if (!Files.exists(file)) {
                generate();
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(block(text, PRIVATE)));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(block(text, PUBLIC)));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The audit signing key " + file + " is not an Ed25519 key pair", e);
        }
    }

    /** Writes a new key pair to a temporary file and moves it into place, so that two instances never mix keys. */
    private void generate() throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "audit-signing-key", ".tmp");
        try {
            ownerOnly(temporary);
            Files.writeString(temporary, pem(PRIVATE, pair.getPrivate().getEncoded())
                    + pem(PUBLIC, pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary); // atomic, and refuses when the file exists
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temporary, file);
            }
        } catch (FileAlreadyExistsException another) {
            // another instance generated it first: use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            path.toFile().setReadable(false, false);
            path.toFile().setReadable(true, true);
            path.toFile().setWritable(false, false);
            path.toFile().setWritable(true, true);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The DER bytes of a PEM block of a type; IllegalArgumentException when it is absent. */
    static byte[] block(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + type + " block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
