/**
 * Queued batch requests (queueRequest=true): their polling states and their answers.
 */
package dev.workersai.emulator.batch;
