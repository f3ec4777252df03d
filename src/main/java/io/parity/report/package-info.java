/**
 * Run output: the summary model and verdict, and the files under {@code reports/<job>/<run>/}: {@code summary.json},
 * {@code diffs.jsonl}, {@code report.md}, the self-contained {@code report.html} (inline SVG, sample rows read fresh,
 * spec redacted) and {@code junit.xml}; what they may show of the rows ({@link io.parity.report.ReportMask}: values
 * as read, as keyed hashes, or none).
 */
package io.parity.report;
