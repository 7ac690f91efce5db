package ai.andy.voice.provider;

import java.util.List;

/** Cloned voices at a provider. Only ElevenLabs has one; locally no voice can be cloned. */
public interface VoiceLibrary {
    record Sample(String fileName, String mediaType, byte[] audio) {
    }

    record ProviderVoice(String voiceId, String name, String category) {
    }

    /** Makes an instant clone from the samples; returns the provider's voice id. */
    String add(String name, String description, List<Sample> samples);

    void rename(String voiceId, String name);

    /** Deletes the voice; a voice already gone counts as deleted. */
    void delete(String voiceId);

    List<ProviderVoice> list();
}
