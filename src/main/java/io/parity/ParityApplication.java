package io.parity;

import io.parity.cli.ParityCli;

/**
 * Entry point. The command line is parsed first, without Spring, so {@code --help} and {@code --version} answer at
 * once and nothing connects before a command needs it; commands that run jobs start the Spring context themselves
 * (see {@link io.parity.cli.ParityRuntime}).
 */
public class ParityApplication {

    public static void main(String[] args) {
        System.exit(ParityCli.run(args));
    }
}
