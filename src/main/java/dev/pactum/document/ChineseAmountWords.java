package dev.pactum.document;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes a money amount in Chinese capital numerals (大写金额) the way Chinese banks and finance staff
 * expect on contracts and cheques: {@code 1000010.50} reads {@code 壹佰万零壹拾元伍角整}.
 *
 * <p>Follows the usual rules (中国人民银行《支付结算办法》): a leading 1 is written 壹拾, one 零 stands for a
 * run of zeros between figures, 整 ends an amount without 分, and an amount below one yuan starts at its
 * first non-zero unit ({@code 0.05} reads {@code 伍分}). The currency name is the caller's: the words
 * say only the number.
 */
public final class ChineseAmountWords {

    private static final char[] DIGITS = {'零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'};
    private static final String[] UNITS_IN_GROUP = {"", "拾", "佰", "仟"};
    /** Amounts up to 9999万亿 fit the contract table's numeric(19,2) and the four-digit groups below. */
    private static final BigDecimal LIMIT = new BigDecimal("10000000000000000");

    private ChineseAmountWords() {
    }

    /**
     * @throws IllegalArgumentException for a negative amount, one with fractions of a 分, or one of 1亿亿 or more
     */
    public static String format(BigDecimal amount) {
        if (amount == null) {
            throw new IllegalArgumentException("an amount is required");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a negative amount has no capital-numeral form: " + amount);
        }
        if (amount.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("amount too large for capital numerals: " + amount);
        }
        BigDecimal cents;
        try {
            cents = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("an amount has at most two decimals (分): " + amount, e);
        }
        long yuan = cents.longValue();
        int fraction = cents.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        int jiao = fraction / 10;
        int fen = fraction % 10;

        StringBuilder words = new StringBuilder();
        if (yuan > 0) {
            words.append(integerWords(yuan)).append('元');
        }
        if (jiao > 0) {
            words.append(DIGITS[jiao]).append('角');
        }
        if (fen > 0) {
            if (jiao == 0 && yuan > 0) {
                words.append('零');
            }
            words.append(DIGITS[fen]).append('分');
        } else if (yuan == 0 && jiao == 0) {
            words.append("零元整");
        } else {
            words.append('整');
        }
        return words.toString();
    }

    private static String integerWords(long value) {
        String figures = Long.toString(value);
        StringBuilder words = new StringBuilder();
        boolean zeroPending = false;
        for (int i = 0; i < figures.length(); i++) {
            int position = figures.length() - 1 - i;
            int digit = figures.charAt(i) - '0';
            if (digit == 0) {
                zeroPending = true;
            } else {
                if (zeroPending) {
                    words.append('零');
                    zeroPending = false;
                }
                words.append(DIGITS[digit]).append(UNITS_IN_GROUP[position % 4]);
            }
            if (position % 4 == 0 && position > 0) {
                appendGroupUnit(words, value, position / 4);
            }
        }
        return words.toString();
    }

    /** 万 and 亿 follow a four-digit group only when that group has a figure; 万亿 needs 亿 even if its own group is empty. */
    private static void appendGroupUnit(StringBuilder words, long value, int group) {
        if (groupValue(value, group) == 0) {
            return;
        }
        switch (group) {
            case 1 -> words.append('万');
            case 2 -> words.append('亿');
            case 3 -> words.append(groupValue(value, 2) == 0 ? "万亿" : "万");
            default -> throw new IllegalStateException("no unit for group " + group);
        }
    }

    private static long groupValue(long value, int group) {
        long divisor = 1;
        for (int i = 0; i < group; i++) {
            divisor *= 10_000;
        }
        return value / divisor % 10_000;
    }
}
