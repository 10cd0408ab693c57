package dev.pactum.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseAmountWordsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0, 零元整",
            "0.00, 零元整",
            "0.05, 伍分",
            "0.50, 伍角整",
            "0.55, 伍角伍分",
            "1, 壹元整",
            "1.05, 壹元零伍分",
            "10, 壹拾元整",
            "15.80, 壹拾伍元捌角整",
            "100, 壹佰元整",
            "101, 壹佰零壹元整",
            "1010, 壹仟零壹拾元整",
            "10001, 壹万零壹元整",
            "100100, 壹拾万零壹佰元整",
            "1000000, 壹佰万元整",
            "1000010.50, 壹佰万零壹拾元伍角整",
            "1680.32, 壹仟陆佰捌拾元叁角贰分",
            // 《支付结算办法》 allows 壹拾万柒仟… too; writing the 零 for the empty 万 place is never ambiguous
            "107000.53, 壹拾万零柒仟元伍角叁分",
            "100000000, 壹亿元整",
            "100000001, 壹亿零壹元整",
            "123456789.12, 壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分",
            "1000000000000, 壹万亿元整",
            "1000100000000, 壹万零壹亿元整",
            "9999999999999999.99, 玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"
    })
    void writesCapitalNumerals(BigDecimal amount, String words) {
        assertThat(ChineseAmountWords.format(amount)).isEqualTo(words);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.01", "0.001", "10000000000000000"})
    void refusesAmountsWithoutACapitalForm(String amount) {
        assertThatIllegalArgumentException().isThrownBy(() -> ChineseAmountWords.format(new BigDecimal(amount)));
    }
}
