package io.github.ordersync.orderrules;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What a user id, a product id and an order id look like, for order-service's validation and for every consumer of
 * the order topics alike. User ids are written in any script (this project's users write Hangul); they are stored in
 * Unicode normal form C, so that one name typed on two keyboards is one user.
 */
public final class Ids {

    /** 1-64 letters or digits of any script, plus combining marks, '_', '.' and '-'; no controls or separators. */
    public static final String USER_ID_PATTERN = "[\\p{L}\\p{Nd}][\\p{L}\\p{M}\\p{Nd}_.-]{0,63}";

    public static final String USER_ID_MESSAGE = "must be 1-64 characters: letters or digits of any language, '_', '.'"
            + " or '-', starting with a letter or digit";

    /** Product ids stay ASCII: they are codes, not names. */
    public static final String PRODUCT_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    public static final String PRODUCT_ID_MESSAGE =
            "must be 1-64 characters: ASCII letters, digits, '_', '.' or '-', starting with a letter or digit";

    /** An order id is a UUID as {@code UUID.toString()} writes it: 36 characters, lower-case hex digits. */
    public static final String ORDER_ID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static final Pattern USER_ID = Pattern.compile(USER_ID_PATTERN);
    private static final Pattern PRODUCT_ID = Pattern.compile(PRODUCT_ID_PATTERN);
    private static final Pattern ORDER_ID = Pattern.compile(ORDER_ID_PATTERN);

    private Ids() {}

    /** The form user ids are stored and compared in (NFC). */
    public static String normalized(String userId) {
        return userId == null ? null : Normalizer.normalize(userId, Normalizer.Form.NFC);
    }

    /** A valid user id in its stored form: matches the pattern and is already NFC. */
    public static boolean isUserId(String value) {
        return value != null && USER_ID.matcher(value).matches() && value.equals(normalized(value));
    }

    public static boolean isProductId(String value) {
        return value != null && PRODUCT_ID.matcher(value).matches();
    }

    public static boolean isOrderId(String value) {
        return value != null && ORDER_ID.matcher(value).matches();
    }
}
