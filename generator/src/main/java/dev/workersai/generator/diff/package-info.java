/**
 * What changed between two snapshots: models added, removed or deprecated, and per field whether
 * a change is compatible or breaking, rendered as the change report a team reads before it
 * upgrades. Reads the catalog and type names; emits no code.
 */
package dev.workersai.generator.diff;
