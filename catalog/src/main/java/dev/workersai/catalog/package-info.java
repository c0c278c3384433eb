/**
 * The single reading of a catalog snapshot folder: model files (published, REST API or facts-only
 * form) into CatalogModels, the rate-limit table, and the CatalogException every reader reports
 * problems with, each with a stable id, file and JSON pointer. Depends only on the runtime's
 * model metadata and Jackson; knows nothing of code generation.
 */
package dev.workersai.catalog;
