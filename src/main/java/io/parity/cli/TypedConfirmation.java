package io.parity.cli;

import io.parity.core.ParityException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * An operator's typed {@code yes} on a terminal, for steps that change both servers (resuming past a pause, rolling
 * back). Without a terminal nothing is asked: the command says how to confirm ({@code --confirm}) and stops.
 */
final class TypedConfirmation {

    private TypedConfirmation() {
    }

    /**
     * Asks {@code question} and returns once the answer is {@code yes}; otherwise refuses as bad input with
     * {@code refused}, or with {@code withoutTerminal} when there is no terminal to ask on.
     */
    static void require(PrintWriter out, String question, String withoutTerminal, String refused) {
        if (System.console() == null) {
            throw ParityException.badInput(withoutTerminal);
        }
        out.print(question + " Type 'yes': ");
        out.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (!"yes".equalsIgnoreCase(answer == null ? "" : answer.trim())) {
            throw ParityException.badInput(refused);
        }
    }
}
