package cn.yibao.portal.payment.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Yuan to fen and back, exactly (no floating point anywhere). */
class YuanTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.01|1", "0.1|10", "380|38000", "380.00|38000", "380.5|38050", "1234.50|123450", "1,234.50|123450",
            "12,345,678.99|1234567899", "-380.00|-38000", "' 76.00\t'|7600", "0.29|29", "1.15|115",
            "92233720368547758.07|9223372036854775807"})
    void yuanBecomeWholeFen(String yuan, long fen) {
        assertThat(Yuan.toFen(yuan)).isEqualTo(fen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0.001", "1,23.00", "1,2345.00", "12,34", "1.2.3", "+5", "1e3", "￥380",
            "92233720368547758.08"})
    void anythingElseIsRefused(String yuan) {
        assertThatThrownBy(() -> Yuan.toFen(yuan)).isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1|0.01", "38000|380.00", "123450|1234.50", "7600|76.00", "0|0.00"})
    void fenAreWrittenWithTwoDecimals(long fen, String yuan) {
        assertThat(Yuan.of(fen)).isEqualTo(yuan);
    }
}
