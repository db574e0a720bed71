package org.cartpath.interop.hl7;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HL7 v2 listener's settings ({@code cartpath.hl7.*}; the port also as the environment variable
 * {@code CARTPATH_HL7_PORT}).
 *
 * @param port the MLLP port; the listener is off when it is not set, and {@code 0} takes any free port (tests)
 */
@ConfigurationProperties("cartpath.hl7")
public record Hl7Settings(Integer port) {

    public Hl7Settings {
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("cartpath.hl7.port must be between 0 and 65535, not " + port);
        }
    }

    public boolean enabled() {
        return port != null;
    }
}
