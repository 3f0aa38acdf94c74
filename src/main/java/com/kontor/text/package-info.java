/** Rules for free text: control and bidirectional characters, lone surrogates, full card numbers; depends on nothing. */
@ApplicationModule(
        displayName = "Free text",
        allowedDependencies = {})
package com.kontor.text;

import org.springframework.modulith.ApplicationModule;
