package ai.andy.voice.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.TestIdentity;
import ai.andy.voice.provider.local.EspeakEngine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The local engine for real: espeak-ng and sox on this machine (apt-get install -y espeak-ng sox). */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "voice"))
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
class EspeakEngineTest {
    @Inject
    EspeakEngine engine;

    @Test
    void clientAudioIsPcmWavWithARealHeader() throws Exception {
        AudioFileFormat wav = parse(render("Hello, this is Andy.", AudioFormat.wav));

        assertThat(wav.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
        assertThat(wav.getFormat().getEncoding()).isEqualTo(javax.sound.sampled.AudioFormat.Encoding.PCM_SIGNED);
        assertThat(wav.getFormat().getSampleSizeInBits()).isEqualTo(16);
        assertThat(wav.getFormat().getChannels()).isEqualTo(1);
        assertThat(seconds(wav)).isBetween(0.5, 5.0);
    }

    @Test
    void callAudioIsEightKilohertzMuLawWav() throws Exception {
        AudioFileFormat wav = parse(render("Hello, this is Andy.", AudioFormat.ulaw));

        assertThat(wav.getFormat().getEncoding()).isEqualTo(javax.sound.sampled.AudioFormat.Encoding.ULAW);
        assertThat(wav.getFormat().getSampleRate()).isEqualTo(8000f);
        assertThat(wav.getFormat().getChannels()).isEqualTo(1);
        assertThat(seconds(wav)).isBetween(0.5, 5.0);
    }

    @Test
    void longerTextMakesLongerAudio() throws Exception {
        double shortOne = seconds(parse(render("Good morning.", AudioFormat.wav)));
        double longOne = seconds(parse(render("Good morning. You have three meetings today, the first one at nine "
                + "with Sarah about the budget, and a call with the bank at four.", AudioFormat.wav)));

        assertThat(longOne).isGreaterThan(shortOne * 3);
    }

    @Test
    void unknownVoiceIsRefusedWithItsName() {
        assertThatThrownBy(() -> engine.render("Hello.", "xx-nope", AudioFormat.wav, new ByteArrayOutputStream()))
                .isInstanceOf(ProviderException.class).hasMessageContaining("xx-nope");
        assertThatThrownBy(() -> engine.render("Hello.", "--help", AudioFormat.wav, new ByteArrayOutputStream()))
                .isInstanceOf(ProviderException.class);
    }

    private byte[] render(String text, AudioFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.render(text, engine.defaultVoice(), format, out);
        return out.toByteArray();
    }

    static AudioFileFormat parse(byte[] audio) throws Exception {
        return AudioSystem.getAudioFileFormat(new ByteArrayInputStream(audio));
    }

    static double seconds(AudioFileFormat wav) {
        return wav.getFrameLength() / wav.getFormat().getFrameRate();
    }
}
