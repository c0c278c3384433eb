/**
 * A JUnit 5 extension that starts an emulator per test class and injects a client configured for
 * it.
 */
package dev.workersai.emulator.junit;
