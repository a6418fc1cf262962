package io.github.ordersync.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bad-input corpus: requests a careless, confused or hostile client sends. Each one is wrong in one way,
 * so that the answer shows the service noticed that one thing.
 */
final class BadRequests {

    /** One request of the corpus. A null content type sends none. */
    record BadRequest(
            String what, String method, String path, String contentType, byte[] body, Map<String, String> headers) {

        @Override
        public String toString() {
            return what;
        }
    }

    private static final String GOOD_USER = "mallory";
    private static final String GOOD_PRODUCT = "\"productId\":\"CATALOG-001\"";
    private static final String GOOD_QTY = "\"qty\":1";
    private static final String GOOD_PRICE = "\"unitPrice\":1500";
    private static final int ONE_MB = 1024 * 1024;

    private BadRequests() {}

    static List<BadRequest> corpus() {
        List<BadRequest> corpus = new ArrayList<>();
        missingAndExtraFields(corpus);
        wrongValues(
                corpus,
                "productId",
                List.of(
                        "\"\"",
                        "\" \"",
                        "\"" + "p".repeat(65) + "\"",
                        "\"" + "p".repeat(1_000) + "\"",
                        "\"a\\u0000b\"",
                        "\"a\\nb\"",
                        "\"a\\tb\"",
                        "\"\\u007f\"",
                        "\"\\u202Eevil\"",
                        "\"ÄÖÜ\"",
                        "\"a b\"",
                        "\"../../etc/passwd\"",
                        "\"..\\\\..\\\\windows\"",
                        "\"' OR '1'='1\"",
                        "\"'; DROP TABLE orders;--\"",
                        "\"<script>alert(1)</script>\"",
                        "\"${jndi:ldap://127.0.0.1/a}\"",
                        "\"%00\"",
                        "\"-leading-dash\"",
                        "123",
                        "1.5",
                        "true",
                        "[]",
                        "[\"CATALOG-001\"]",
                        "{}",
                        "null"));
        wrongValues(
                corpus,
                "qty",
                List.of(
                        "0",
                        "-1",
                        "-2147483649",
                        "1001",
                        "2147483647",
                        "2147483648",
                        "99999999999999999999",
                        "1e30",
                        "1.5",
                        "0.9999",
                        "1e0",
                        "\"1\"",
                        "\"abc\"",
                        "\"\"",
                        "true",
                        "false",
                        "[]",
                        "[1]",
                        "{}",
                        "null",
                        "NaN",
                        "Infinity",
                        "0x10",
                        "01"));
        wrongValues(
                corpus,
                "unitPrice",
                List.of(
                        "0",
                        "-1",
                        "100000001",
                        "9223372036854775807",
                        "9223372036854775808",
                        "-9223372036854775809",
                        "1e400",
                        "1.5",
                        "15.00",
                        "\"1500\"",
                        "\"abc\"",
                        "\"\"",
                        "true",
                        "[]",
                        "{}",
                        "null",
                        "NaN"));
        notJson(corpus);
        wrongContentTypes(corpus);
        hugeBodies(corpus);
        badPathVariables(corpus);
        badIdempotencyKeys(corpus);
        wrongMethods(corpus);
        return corpus;
    }

    private static void missingAndExtraFields(List<BadRequest> corpus) {
        order(corpus, "no fields", "{}");
        order(corpus, "only productId", "{" + GOOD_PRODUCT + "}");
        order(corpus, "only qty", "{" + GOOD_QTY + "}");
        order(corpus, "only unitPrice", "{" + GOOD_PRICE + "}");
        order(corpus, "without productId", "{" + GOOD_QTY + "," + GOOD_PRICE + "}");
        order(corpus, "without qty", "{" + GOOD_PRODUCT + "," + GOOD_PRICE + "}");
        order(corpus, "without unitPrice", "{" + GOOD_PRODUCT + "," + GOOD_QTY + "}");
        for (String extra : List.of(
                "\"discount\":5",
                "\"orderId\":\"00000000-0000-0000-0000-000000000001\"",
                "\"status\":\"CONFIRMED\"",
                "\"userId\":\"admin\"",
                "\"totalPrice\":1",
                "\"__proto__\":{\"admin\":true}",
                "\"@class\":\"java.lang.Runtime\"",
                "\"productid\":\"CATALOG-001\"")) {
            order(
                    corpus,
                    "extra field " + extra,
                    "{" + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + "," + extra + "}");
        }
        order(
                corpus,
                "productId twice",
                "{" + GOOD_PRODUCT + "," + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + "}");
        order(corpus, "qty twice", "{" + GOOD_PRODUCT + ",\"qty\":1,\"qty\":900," + GOOD_PRICE + "}");
    }

    private static void wrongValues(List<BadRequest> corpus, String field, List<String> values) {
        for (String value : values) {
            String body = ("{" + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + "}")
                    .replaceFirst(
                            "\"" + field + "\":(\"[^\"]*\"|[0-9]+)", "\"" + field + "\":" + escapeReplacement(value));
            order(corpus, field + " = " + abbreviate(value), body);
        }
    }

    private static void notJson(List<BadRequest> corpus) {
        for (String body : List.of(
                "",
                " ",
                "not json",
                "{",
                "}",
                "[]",
                "[{" + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + "}]",
                "null",
                "123",
                "\"CATALOG-001\"",
                "<order><qty>1</qty></order>",
                "productId=CATALOG-001&qty=1",
                "{'productId':'CATALOG-001','qty':1,'unitPrice':1500}",
                "{productId:\"CATALOG-001\",qty:1,unitPrice:1500}",
                "{" + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + ",}",
                "{" + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + "} trailing",
                "{" + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + "}{}",
                "/* comment */ {" + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + "}",
                "{\"productId\":\"CATALOG-001\",\"qty\":1,\"unitPrice\":1500")) {
            order(corpus, "body " + abbreviate(body), body);
        }
        byte[][] invalidUtf8 = {
            {(byte) 0xff, (byte) 0xfe, (byte) 0xfd},
            withBytes("{\"productId\":\"", new byte[] {(byte) 0xc3, 0x28}, "\",\"qty\":1,\"unitPrice\":1500}"),
            withBytes("{\"productId\":\"", new byte[] {(byte) 0xc0, (byte) 0xaf}, "\",\"qty\":1,\"unitPrice\":1500}"),
            withBytes(
                    "{\"productId\":\"",
                    new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                    "\",\"qty\":1,\"unitPrice\":1500}"),
            withBytes("{\"productId\":\"CATALOG-001\",\"qty\":1,\"unitPrice\":1500", new byte[] {(byte) 0x80}, "}"),
        };
        for (int i = 0; i < invalidUtf8.length; i++) {
            corpus.add(new BadRequest(
                    "invalid UTF-8 #" + (i + 1),
                    "POST",
                    ordersOf(GOOD_USER),
                    "application/json",
                    invalidUtf8[i],
                    Map.of()));
        }
    }

    private static void wrongContentTypes(List<BadRequest> corpus) {
        byte[] good = utf8("{" + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + "}");
        for (String type : new String[] {
            null,
            "text/plain",
            "application/xml",
            "text/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
            "application/jsonx",
            "json",
            "garbage/"
        }) {
            corpus.add(new BadRequest("content type " + type, "POST", ordersOf(GOOD_USER), type, good, Map.of()));
        }
        corpus.add(new BadRequest(
                "form-encoded order",
                "POST",
                ordersOf(GOOD_USER),
                "application/x-www-form-urlencoded",
                utf8("productId=CATALOG-001&qty=1&unitPrice=1500"),
                Map.of()));
    }

    private static void hugeBodies(List<BadRequest> corpus) {
        order(
                corpus,
                "1 MB productId",
                "{\"productId\":\"" + "p".repeat(ONE_MB) + "\"," + GOOD_QTY + "," + GOOD_PRICE + "}");
        order(
                corpus,
                "1 MB extra field",
                "{" + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + ",\"x\":\"" + "x".repeat(ONE_MB) + "\"}");
        order(corpus, "1 MB of whitespace", " ".repeat(ONE_MB));
        order(corpus, "1 MB array", "[" + "1,".repeat(ONE_MB / 2) + "1]");
        order(corpus, "100,000 nested arrays", "[".repeat(100_000) + "]".repeat(100_000));
        order(corpus, "100,000 nested objects", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000));
        order(corpus, "1 MB number", "{" + GOOD_PRODUCT + ",\"qty\":" + "9".repeat(ONE_MB) + "," + GOOD_PRICE + "}");
    }

    private static void badPathVariables(List<BadRequest> corpus) {
        byte[] good = utf8("{" + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + "}");
        for (String userId : List.of(
                "u".repeat(65),
                "u".repeat(5_000),
                "%00",
                "a%00b",
                "a%0Ab",
                "a%0D%0AX-Injected:%201",
                "%09",
                "..%2F..%2Fetc%2Fpasswd",
                "..%5C..%5Cwindows",
                "%2E%2E",
                "%2E",
                "..",
                "%252E%252E%252F",
                "'%20OR%20'1'%3D'1",
                "%27%3B%20DROP%20TABLE%20orders%3B--",
                "1%20UNION%20SELECT%20*%20FROM%20orders",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D",
                "a%20b",
                "%C3%28",
                "%FF",
                "%C0%AF",
                "%E2%80%AE",
                "-dash",
                "_underscore",
                ".dot",
                // a combining mark cannot start a user id (letters of any language can: "%C3%A4" is a user)
                "%CC%88ab")) {
            corpus.add(new BadRequest(
                    "POST as user " + abbreviate(userId),
                    "POST",
                    ordersOf(userId),
                    "application/json",
                    good,
                    Map.of()));
            corpus.add(new BadRequest(
                    "GET orders of user " + abbreviate(userId), "GET", ordersOf(userId), null, null, Map.of()));
        }
        for (String orderId : List.of(
                "abc",
                "1",
                "00000000-0000-0000-0000-00000000000g",
                "00000000-0000-0000-0000-0000000000001",
                "%00",
                "..%2F..%2Fetc%2Fpasswd",
                "1%20OR%201%3D1",
                "%27%3B%20DROP%20TABLE%20orders%3B--",
                "x".repeat(2_000),
                "%C3%28")) {
            corpus.add(new BadRequest(
                    "GET order " + abbreviate(orderId),
                    "GET",
                    "/order-service/orders/" + orderId,
                    null,
                    null,
                    Map.of()));
        }
        corpus.add(
                new BadRequest("path climbing out", "GET", "/order-service/../../../etc/passwd", null, null, Map.of()));
        corpus.add(new BadRequest("unknown path", "GET", "/order-service/admin", null, null, Map.of()));
    }

    private static void badIdempotencyKeys(List<BadRequest> corpus) {
        byte[] good = utf8("{" + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + "}");
        for (String key : List.of("", " ", "k".repeat(65), "a b", "../x", "' OR 1=1", "\t")) {
            corpus.add(new BadRequest(
                    "Idempotency-Key " + abbreviate(key),
                    "POST",
                    ordersOf(GOOD_USER),
                    "application/json",
                    good,
                    Map.of("Idempotency-Key", key)));
        }
    }

    private static void wrongMethods(List<BadRequest> corpus) {
        byte[] good = utf8("{" + GOOD_PRODUCT + "," + GOOD_QTY + "," + GOOD_PRICE + "}");
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            corpus.add(new BadRequest(
                    method + " orders", method, ordersOf(GOOD_USER), "application/json", good, Map.of()));
        }
        corpus.add(new BadRequest(
                "POST to an order",
                "POST",
                "/order-service/orders/00000000-0000-0000-0000-000000000001",
                "application/json",
                good,
                Map.of()));
    }

    private static void order(List<BadRequest> corpus, String what, String body) {
        corpus.add(new BadRequest(what, "POST", ordersOf(GOOD_USER), "application/json", utf8(body), Map.of()));
    }

    private static String ordersOf(String userId) {
        return "/order-service/" + userId + "/orders";
    }

    private static byte[] withBytes(String before, byte[] bytes, String after) {
        byte[] head = utf8(before);
        byte[] tail = utf8(after);
        byte[] all = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        System.arraycopy(tail, 0, all, head.length + bytes.length, tail.length);
        return all;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String escapeReplacement(String value) {
        return value.replace("\\", "\\\\").replace("$", "\\$");
    }

    private static String abbreviate(String text) {
        String shown = text.length() > 40 ? text.substring(0, 37) + "…(" + text.length() + " chars)" : text;
        return shown.isEmpty() ? "(empty)" : shown;
    }
}
