package io.parity.report;

import io.parity.store.StoredChunk;

import java.util.List;

/**
 * What the HTML report shows beyond {@code summary.json}: every chunk's outcome (for the key-space strips), sample
 * rows read fresh from both sides, phase timings, and the spec's text with secrets redacted.
 */
public record ReportDetails(List<StoredChunk> chunks, List<SampleRow> samples, List<Phase> phases, String redactedSpec) {

    public static final ReportDetails NONE = new ReportDetails(List.of(), List.of(), List.of(), "");

    public ReportDetails {
        chunks = List.copyOf(chunks);
        samples = List.copyOf(samples);
        phases = List.copyOf(phases);
    }
}
