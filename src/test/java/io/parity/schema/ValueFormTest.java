package io.parity.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which canonical form two declared types of one column compare in. */
class ValueFormTest {

    private static Column col(String type, ColumnKind kind) {
        return new Column("c", 1, type, kind, true, null, null, false);
    }

    @ParameterizedTest(name = "{0} vs {2} -> {4}({5})")
    @CsvSource({
            "datetime,        TEMPORAL, datetime(3),    TEMPORAL, DATETIME,      3",
            "datetime(6),     TEMPORAL, datetime,       TEMPORAL, DATETIME,      6",
            "date,            TEMPORAL, datetime(6),    TEMPORAL, DATETIME,      6",
            "timestamp,       TEMPORAL, timestamp(6),   TEMPORAL, DATETIME,      6",
            "datetime,        TEMPORAL, timestamp(3),   TEMPORAL, DATETIME,      3",
            "time,            TEMPORAL, time(2),        TEMPORAL, TIME,          2",
            "time,            TEMPORAL, datetime,       TEMPORAL, AS_STORED,     0",
            "datetime(3),     TEMPORAL, datetime(3),    TEMPORAL, AS_STORED,     0",
            "'decimal(10,2)', DECIMAL,  'decimal(12,4)', DECIMAL, EXACT_DECIMAL, 0",
            "int(11),         INTEGER,  'decimal(10,0)', DECIMAL, EXACT_DECIMAL, 0",
            "int(11),         INTEGER,  bigint(20),     INTEGER,  AS_STORED,     0",
            "smallint(6),     INTEGER,  int(11),        INTEGER,  AS_STORED,     0",
            "varchar(50),     TEXT,     varchar(100),   TEXT,     AS_STORED,     0",
            "float,           FLOAT,    double,         DOUBLE,   AS_STORED,     0",
            "'decimal(10,2)', DECIMAL,  double,         DOUBLE,   AS_STORED,     0",
    })
    void commonForm(String a, ColumnKind ka, String b, ColumnKind kb, ValueForm.Kind kind, int precision) {
        ValueForm form = ValueForm.common(col(a, ka), col(b, kb));
        assertThat(form).isEqualTo(new ValueForm(kind, precision));
        assertThat(ValueForm.common(col(b, kb), col(a, ka))).as("symmetric").isEqualTo(form);
    }
}
