package fr.esante.medimail.identity.directory;

/** What started an import: recorded so that an operator knows whether a person or the schedule did it. */
public enum ImportTrigger { OPERATOR, SCHEDULE, STARTUP }
