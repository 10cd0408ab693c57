package dev.pactum.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 统一社会信用代码 check characters per GB 32100-2015, on codes whose check characters are known. */
class CreditCodesTest {

    /** The example code of GB 32100-2015 itself. */
    private static final String STANDARD_EXAMPLE = "91350100M000100Y43";
    /** A registered company's code (Beijing, 2010), as printed on its business licence. */
    private static final String REGISTERED_COMPANY = "91110108551385082Q";

    @ParameterizedTest
    @ValueSource(strings = {STANDARD_EXAMPLE, REGISTERED_COMPANY})
    void realCodesAreValid(String code) {
        assertThat(CreditCodes.isValid(code)).isTrue();
    }

    @Test
    void theCheckCharacterIsComputedFromTheFirst17() {
        assertThat(CreditCodes.withCheckCharacter("91350100M000100Y4")).isEqualTo(STANDARD_EXAMPLE);
        assertThat(CreditCodes.withCheckCharacter("91110108551385082")).isEqualTo(REGISTERED_COMPANY);
        // weighted sum 0: 31 - 0 is 31, which wraps round to the first character
        assertThat(CreditCodes.withCheckCharacter("00000000000000000")).isEqualTo("000000000000000000");
        // weighted sum 1 (only the first weight, 1): the last character of the alphabet
        assertThat(CreditCodes.withCheckCharacter("10000000000000000")).isEqualTo("10000000000000000Y");
        // the last weight is 28: Y (30) there weighs 840 = 27 × 31 + 3, check 31 - 3 = 28 → W
        assertThat(CreditCodes.withCheckCharacter("0000000000000000Y")).isEqualTo("0000000000000000YW");
    }

    @Test
    void everyOtherCheckCharacterIsInvalid() {
        String base = STANDARD_EXAMPLE.substring(0, 17);
        for (char check : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            assertThat(CreditCodes.isValid(base + check)).as("check character %s", check).isEqualTo(check == '3');
        }
    }

    @Test
    void aTypoInTheBodyIsCaught() {
        // two characters swapped, one character changed: both change the weighted sum
        assertThat(CreditCodes.isValid("91351000M000100Y43")).isFalse();
        assertThat(CreditCodes.isValid("91350100M000100X43")).isFalse();
        assertThat(CreditCodes.isValid("81350100M000100Y43")).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "91350100m000100y43",
            "91350100I000100Y43", "91350100O000100Y43", "91350100S000100Y43", "91350100V000100Y43",
            "91350100Z000100Y43", "91350100M000100Y4I", "9135010-M000100Y43"})
    void codesOfTheWrongLengthOrWithCharactersOutsideTheAlphabetAreInvalid(String code) {
        assertThat(CreditCodes.isValid(code)).isFalse();
    }

    @Test
    void aBaseMustHave17Characters() {
        assertThatIllegalArgumentException().isThrownBy(() -> CreditCodes.withCheckCharacter("9135010"))
                .withMessageContaining("17");
        assertThatIllegalArgumentException().isThrownBy(() -> CreditCodes.withCheckCharacter(STANDARD_EXAMPLE));
    }
}
