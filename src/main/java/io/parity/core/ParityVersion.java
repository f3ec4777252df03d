package io.parity.core;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into {@code parity-version.properties} at build time. */
public final class ParityVersion implements CommandLine.IVersionProvider {

    public static String get() {
        Properties p = new Properties();
        try (InputStream in = ParityVersion.class.getResourceAsStream("/parity-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Parity " + get() + " (Java " + System.getProperty("java.version") + ")"};
    }
}
