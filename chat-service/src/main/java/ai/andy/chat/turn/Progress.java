package ai.andy.chat.turn;

import ai.andy.chat.intent.Intent;

/** What the person sees while an intent runs: a few words on what Andy is doing. */
public final class Progress {

    public static String of(Intent intent) {
        return switch (intent.name()) {
            case "email.list", "email.read" -> "Looking at your inbox";
            case "email.update" -> "Updating your mail";
            case "email.send", "email.reply" -> "Preparing the email for you to confirm";
            case "calendar.list", "calendar.findSlot" -> "Looking at your calendar";
            case "calendar.create", "calendar.update", "calendar.cancel" -> "Preparing the calendar change";
            case "task.list" -> "Looking at your tasks";
            case "task.create", "task.complete" -> "Updating your tasks";
            case "sms.send" -> "Preparing the text for you to confirm";
            case "call.place" -> "Preparing the call for you to confirm";
            case "voice.speak" -> "Preparing the audio";
            default -> "Working on it";
        };
    }

    private Progress() {
    }
}
