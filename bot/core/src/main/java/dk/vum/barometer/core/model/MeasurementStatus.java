package dk.vum.barometer.core.model;

/** DRAFT: being prepared; OPEN: invitations sent, answers accepted; CLOSED: final, report available. */
public enum MeasurementStatus { DRAFT, OPEN, CLOSED }
