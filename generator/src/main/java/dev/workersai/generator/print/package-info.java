/**
 * JavaPoet's {@code JavaFile} to UTF-8 in one printing pass, the bytes of
 * {@code JavaFile.toString()}: a cheap walk that only collects imports, then one pass encoding into
 * one reused buffer, with no regular expression and no string per token. It prints what the
 * generator's emitters build; anything else is refused, and the caller falls back to JavaPoet.
 * Depends on JavaPoet and the JDK only.
 */
package dev.workersai.generator.print;
