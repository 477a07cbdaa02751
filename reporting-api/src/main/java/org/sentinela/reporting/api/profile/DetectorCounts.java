package org.sentinela.reporting.api.profile;

/** One detector's flags for a supplier or buyer, by severity. */
record DetectorCounts(String detector, long flags, long low, long medium, long high) {}
