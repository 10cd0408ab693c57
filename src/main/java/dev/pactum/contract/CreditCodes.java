package dev.pactum.contract;

/** 统一社会信用代码 (unified social credit code) per GB 32100-2015: 18 characters, the last a check character. */
public final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        return code.charAt(17) == checkCharacter(sum);
    }

    /** Appends the check character to a 17-character base; used to make valid demo and test codes. */
    public static String withCheckCharacter(String base17) {
        if (base17.length() != 17) {
            throw new IllegalArgumentException("a credit code base has 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(base17.charAt(i)) * WEIGHTS[i];
        }
        return base17 + checkCharacter(sum);
    }

    private static char checkCharacter(int weightedSum) {
        return ALPHABET.charAt((31 - weightedSum % 31) % 31);
    }
}
