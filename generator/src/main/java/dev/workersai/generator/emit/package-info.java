/**
 * ModelSpecs and planned type names into Java sources with JavaPoet, in memory: one class per
 * model, records and sealed unions for shared shapes, task interfaces. The only package that
 * builds JavaPoet's code model ({@code print} turns it into text); no I/O.
 */
package dev.workersai.generator.emit;
