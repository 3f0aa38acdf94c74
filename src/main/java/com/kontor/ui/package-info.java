/** The main layout, navigation, login and shared view parts; it imports no module's views. */
@ApplicationModule(
        displayName = "UI frame",
        allowedDependencies = {"tenancy", "db"})
package com.kontor.ui;

import org.springframework.modulith.ApplicationModule;
