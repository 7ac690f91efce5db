package ai.andy.auth.rest;

/** A partial change of the profile: absent (null) fields stay as they are. */
public record ProfileUpdate(String displayName, String timezone, ProfileView.Preferences preferences) {
}
