package io.github.ordersync.orderservice.order;

/** What a user id or product id may look like: short, printable, safe in a URL, a log line and a column. */
final class Ids {

    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    static final String MESSAGE =
            "must be 1-64 characters: letters, digits, '_', '.', '-', starting with a letter or digit";

    private Ids() {}
}
