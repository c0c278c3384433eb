/**
 * The snapshot an emulator serves: loaded through the catalog reader, plus the listing fields of
 * the models search endpoint, and where the default snapshot is found.
 */
package dev.workersai.emulator.catalog;
