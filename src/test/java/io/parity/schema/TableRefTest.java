package io.parity.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableRefTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}.{3}")
    @CsvSource(nullValues = "NULL", value = {
            "shop.orders,   dflt, shop,  orders",
            "orders,        dflt, dflt,  orders",
            "orders,        NULL, NULL,  orders",
            "a.b.c,         dflt, a,     b.c",
            "Shop.Orders,   dflt, Shop,  Orders",
    })
    void parsesWithAndWithoutSchema(String text, String defaultSchema, String schema, String table) {
        TableRef ref = TableRef.parse(text, defaultSchema);

        assertThat(ref.schema()).isEqualTo(schema);
        assertThat(ref.table()).isEqualTo(table);
    }

    @ParameterizedTest(name = "{1} ~ {0}.{2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "shop | shop.*        | orders  | true",
            "shop | *             | orders  | true",
            "shop | *.orders      | orders  | true",
            "shop | shop.order?   | orders  | true",
            "shop | shop.order?   | order   | false",
            "shop | shop.order?   | orderss | false",
            "shop | other.*       | orders  | false",
            "shop | shop          | orders  | false",
            "shop | shop.orders   | orders  | true",
            "shop | SHOP.ORD*     | orders  | true",
            "Shop | shop.orders   | ORDERS  | true",
            "shop | shop.tmp_*    | tmp_1   | true",
            "shop | shop.tmp_*    | tmpx1   | false",
            "shopx| shop.*        | orders  | false",
            "shop | shop.*s       | orders  | true",
            "shop | shop.*s       | order   | false",
            "shop | s??p.*        | orders  | true",
            // '.' is literal in a glob, not "any character"
            "shopxorders | shop.orders | t | false",
            "shop | sho..orders   | orders  | false",
            // regex metacharacters are literal
            "shop | shop.a+b      | a+b     | true",
            "shop | shop.a+b      | aab     | false",
            "shop | shop.(x)      | (x)     | true",
            "shop | shop.(x)      | x       | false",
            "shop | shop.[ab]     | [ab]    | true",
            "shop | shop.[ab]     | a       | false",
            "shop | shop.a$       | a$      | true",
            "shop | shop.^a       | ^a      | true",
            "shop | shop.a{2}     | a{2}    | true",
            "shop | shop.a{2}     | aa      | false",
            "shop | shop.a\\b     | a\\b    | true",
            "shop | shop.a\\Eb    | a\\Eb   | true",
    })
    void globMatching(String schema, String glob, String table, boolean expected) {
        assertThat(new TableRef(schema, table).matches(glob)).isEqualTo(expected);
    }

    @Test
    void printsAndOrdersBySchemaThenTable() {
        List<TableRef> refs = new ArrayList<>(List.of(new TableRef("b", "a"), new TableRef("a", "z"),
                new TableRef("a", "b")));
        Collections.sort(refs);

        assertThat(refs).extracting(TableRef::toString).containsExactly("a.b", "a.z", "b.a");
    }

    @ParameterizedTest(name = "{0} by {1} -> {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "shop.orders     | shop.*        | shop_v2.*       | shop_v2.orders",
            "shop.Orders     | SHOP.*        | archive.*_old   | archive.Orders_old",
            "a.legacy_t      | *.legacy_*    | *.*             | a.t",
            "db.t1           | db.t?         | other.t9        | other.t9",
            "shop.orders     | shop.ord*     | x.new_ord*      | x.new_orders",
    })
    void renamesByTheGlobsStars(String table, String glob, String target, String expected) {
        assertThat(TableRef.parse(table, null).rename(glob, target)).isEqualTo(expected);
    }
}
