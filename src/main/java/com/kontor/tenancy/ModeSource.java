package com.kontor.tenancy;

import java.util.Optional;

/** Where the current request's mode comes from when no explicit {@link TenancyScope} is set: the view's URL. */
public interface ModeSource {
    Optional<Mode> currentMode();
}
