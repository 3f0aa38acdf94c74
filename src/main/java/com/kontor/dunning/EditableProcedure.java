package com.kontor.dunning;

/**
 * What the admin edits: the saved procedure with its version, or (version -1, {@code saved} false) the German
 * defaults to start from. The version goes back with the save, so a save over someone else's newer one is refused.
 */
public record EditableProcedure(DunningProcedure procedure, long version, boolean saved) {}
