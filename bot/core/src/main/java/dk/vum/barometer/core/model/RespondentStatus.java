package dk.vum.barometer.core.model;

/** REGISTERED: added, not yet invited; INVITED: invitation queued; SUBMITTED: answers handed in (nothing else is kept). */
public enum RespondentStatus { REGISTERED, INVITED, SUBMITTED }
