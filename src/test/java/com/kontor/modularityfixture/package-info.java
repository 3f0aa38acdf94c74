/**
 * Two small modules that break the rules on purpose, so that {@code ModularityTest} can show that Modulith's check
 * catches a reach into another module's internals and a dependency that was not declared.
 */
package com.kontor.modularityfixture;
