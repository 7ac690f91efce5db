package ai.andy.calendar.service;

import java.util.List;

import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;

/** The problems calendar-service answers with, worded for the person who has to fix the request. */
public final class Problems {
    private Problems() {
    }

    public static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest(message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException noEvent(String id) {
        return ProblemException.notFound("There is no event " + id + " in your calendars.");
    }

    public static ProblemException noTask(String id) {
        return ProblemException.notFound("There is no task " + id + " in your task lists.");
    }

    public static ProblemException noCalendar(Object id) {
        return ProblemException.notFound("There is no calendar " + id + " among yours.");
    }
}
