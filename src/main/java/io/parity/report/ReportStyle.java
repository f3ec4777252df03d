package io.parity.report;

/** The report's stylesheet, inlined so the page works offline and when mailed as one file. */
final class ReportStyle {

    private ReportStyle() {
    }

    static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
            main{max-width:1180px;margin:0 auto;padding:8px 24px 32px}
            .banner{padding:22px 32px;color:#fff}
            .banner h1{margin:0;font-size:28px;letter-spacing:.5px}
            .banner p{margin:4px 0 0;font-size:16px}
            .banner .sub{opacity:.85;font-size:13px}
            .banner.consistent{background:#2e7d4f}.banner.differences{background:#b3261e}.banner.incomplete{background:#5f6368}
            section{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:14px 18px;margin:16px 0}
            h2{font-size:17px;margin:0 0 10px}h3{font-size:14px;margin:16px 0 6px}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:3px 16px;margin:0}dt{color:#5f6b7a}dd{margin:0;word-break:break-all}
            table{border-collapse:collapse;font-size:13px}th,td{padding:4px 9px;border-bottom:1px solid #eceef1;text-align:left;vertical-align:top}
            thead th{background:#f0f2f5;font-weight:600}.n{text-align:right;font-variant-numeric:tabular-nums}.zero{color:#9aa3ad}
            .status{padding:1px 7px;border-radius:9px;font-size:12px;background:#e8eaed}
            .status.consistent{background:#d6f0de;color:#1e5e38}.status.differences{background:#fbd9d6;color:#8c1d18}
            .status.schema-differs,.status.not-compared{background:#fdeccc;color:#7a4b00}
            .reason{font-size:12px;color:#7a4b00;margin-top:3px;max-width:28em}
            svg text{font:12px system-ui,sans-serif;fill:#1d2733}
            .strip-row{display:flex;align-items:center;gap:12px;margin:4px 0}.strip-label{width:220px;text-align:right;font-size:13px}
            .note{color:#5f6b7a;font-size:12.5px;margin:0 0 8px}
            .meter{display:inline-block;height:10px;background:#00798c;border-radius:2px}
            .sample{margin:8px 0 14px}.sample p{margin:0 0 4px}.scroll{overflow-x:auto}
            .side-by-side td,.side-by-side th{white-space:pre;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
            .side-by-side td.diff{background:#ffe2a8;font-weight:600}.side-by-side th.diff{background:#ffd27a}
            .null{color:#8a5cf6;font-style:italic}.q{color:#9aa3ad}.absent{color:#8c1d18;font-style:italic}
            .kind{padding:1px 7px;border-radius:9px;font-size:12px;color:#fff}
            .kind.missing{background:#d1495b}.kind.extra{background:#c98a1b}.kind.changed{background:#00798c}
            pre{background:#f6f8fa;padding:10px;overflow-x:auto;font-size:12px}
            footer{text-align:center;color:#5f6b7a;font-size:12px;padding:0 0 24px}
            """;
}
