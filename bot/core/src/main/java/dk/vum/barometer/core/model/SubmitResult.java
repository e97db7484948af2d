package dk.vum.barometer.core.model;

/** The outcome of handing in answers; only ACCEPTED changed anything. */
public enum SubmitResult { ACCEPTED, ALREADY_SUBMITTED, NOT_OPEN, NOT_RESPONDENT }
