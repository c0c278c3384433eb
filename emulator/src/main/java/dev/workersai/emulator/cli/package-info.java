/**
 * The java -jar entry point: command-line flags into an EmulatorConfig, errors naming the flag at
 * fault.
 */
package dev.workersai.emulator.cli;
