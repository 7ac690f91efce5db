package ai.andy.chat.assistant;

import ai.andy.chat.intent.Intent;

/** What the person sees while an intent runs: a few words on what Andy is doing, whoever proposed the intent. */
public final class Progress {

    public static String of(Intent intent) {
        return of(intent.name());
    }

    public static String of(String intent) {
        return switch (intent) {
            case "email.list" -> "Looking at your inbox";
            case "email.read" -> "Reading the email";
            case "email.send" -> "Preparing the email for your confirmation";
            case "email.reply" -> "Preparing the reply for your confirmation";
            case "email.update" -> "Updating your mail";
            case "calendar.list" -> "Checking your calendar";
            case "calendar.create" -> "Preparing the event";
            case "calendar.update" -> "Preparing the change to your event";
            case "calendar.cancel" -> "Preparing the cancellation";
            case "calendar.findSlot" -> "Looking for a free slot";
            case "task.create" -> "Adding the task";
            case "task.list" -> "Looking at your tasks";
            case "task.complete" -> "Marking the task as done";
            case "sms.send" -> "Preparing the text for your confirmation";
            case "call.place" -> "Preparing the call for your confirmation";
            case "sms.list" -> "Looking at your texts";
            case "call.list" -> "Looking at your calls";
            case "voice.speak" -> "Preparing the audio";
            default -> "Working on it";
        };
    }

    private Progress() {
    }
}
