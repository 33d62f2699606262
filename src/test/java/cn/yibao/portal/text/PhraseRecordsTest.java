package cn.yibao.portal.text;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A phrase kept beside a record reads back as the same phrase; a record without one reads as written. */
class PhraseRecordsTest {

    @Test
    void aKeptPhraseReadsBackWithEveryKindOfArgument() {
        Phrase phrase = Phrase.of("reconcile.flag", "SANDBOX",
                Phrase.of("reconcile.flag.channelSays", Phrase.of("reconcile.bill.amount", 38000L, 76000L),
                        Phrase.of("reconcile.channel.PAID", 38000L)),
                new Verbatim("文水县"), List.of(1, new BigDecimal("0.5"), "a"), 2024);

        Phrase read = PhraseRecords.read(PhraseRecords.write(phrase), "记录");

        assertThat(read).isEqualTo(Phrase.of("reconcile.flag", "SANDBOX",
                Phrase.of("reconcile.flag.channelSays", Phrase.of("reconcile.bill.amount", 38000L, 76000L),
                        Phrase.of("reconcile.channel.PAID", 38000L)),
                new Verbatim("文水县"), List.of(1L, new BigDecimal("0.5"), "a"), 2024L));
    }

    @Test
    void theSameWordsInBothLanguagesAfterTheRoundTrip() {
        Phrase phrase = Phrase.of("reconcile.flag", "SANDBOX", Phrase.of("reconcile.bill.amount", 38000L, 76000L));
        Phrase read = PhraseRecords.read(PhraseRecords.write(phrase), null);

        assertThat(RealBundles.zh(read)).isEqualTo(RealBundles.zh(phrase)).contains("38000", "76000");
        assertThat(RealBundles.en(read)).isEqualTo(RealBundles.en(phrase)).contains("38000", "76000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"args\": []}", "{\"key\": \"k\"}", "{\"key\": \"k\", \"args\": [{}]}",
            "{\"key\": \"k\", \"args\": [{\"number\": \"x\"}]}"})
    void aRecordWithoutAReadablePhraseReadsAsWritten(String kept) {
        Phrase read = PhraseRecords.read(kept, "金额不符（旧记录）");

        assertThat(read).isEqualTo(PhraseRecords.asWritten("金额不符（旧记录）"));
        assertThat(RealBundles.zh(read)).isEqualTo("金额不符（旧记录）");
        assertThat(RealBundles.en(read)).isEqualTo("金额不符（旧记录）");
    }

    @Test
    void noPhraseAndNoRecordIsNothing() {
        assertThat(PhraseRecords.read(null, null)).isNull();
        assertThat(PhraseRecords.write(null)).isNull();
    }
}
