package cn.yibao.portal.benefit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypedYuanTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5000|500000",
            "5000元|500000",
            "5000 元|500000",
            "5,000|500000",
            "5，000|500000",
            "５０００|500000",
            "５０００元|500000",
            "￥5,000.50|500050",
            "¥ 86.5|8650",
            "86.50|8650",
            "８６．５|8650",
            "1,234,567|123456700",
            "5 000|500000",
            "' 500 '|50000",
            "500块|50000",
            "0|0",
            "123456789.99|12345678999"})
    void readsAmountsAsResidentsTypeThem(String typed, long fen) {
        assertThat(TypedYuan.toFen(typed)).hasValue(fen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "元", "五千", "50,00", "5,0000", "5000.123", "-5000", "1234567890", "5e3", "5000美元",
            "5.000,50", "5000元5", "12,345,67", "5,000 000", ".5", "5."})
    void refusesWhatItWouldHaveToGuess(String typed) {
        assertThat(TypedYuan.toFen(typed)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nothingTypedIsNoAmount() {
        assertThat(TypedYuan.toFen(null)).isEmpty();
    }
}
