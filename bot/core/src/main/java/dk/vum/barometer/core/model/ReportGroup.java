package dk.vum.barometer.core.model;

/**
 * The groups a report shows: ledelse (leaders) and medarbejdere (caseworkers and superusers).
 * A response stores only its group, never the finer role, so a lone superuser cannot be singled out.
 */
public enum ReportGroup { LEDELSE, MEDARBEJDERE }
