package ai.andy.voice.provider;

/** The audio Andy hands out: MP3 (ElevenLabs, for the client), WAV PCM (local, for the client), 8 kHz mu-law WAV (calls). */
public enum AudioFormat {
    mp3("audio/mpeg", "mp3"),
    wav("audio/wav", "wav"),
    /** 8 kHz mono mu-law in a WAV container: what a phone line carries, and what Twilio's Play accepts. */
    ulaw("audio/wav", "wav");

    private final String mediaType;
    private final String extension;

    AudioFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named in a request, or null when it names none; IllegalArgumentException for an unknown one. */
    public static AudioFormat parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        for (AudioFormat f : values()) {
            if (f.name().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("format must be mp3, wav or ulaw (8 kHz mu-law WAV for calls)");
    }
}
