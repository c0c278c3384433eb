/**
 * The only step that needs the network and a token: fetches the catalog from Cloudflare's API,
 * guards against answers that would wreck the snapshot, reports the change and swaps the new
 * snapshot folder in atomically. The token only ever goes into the Authorization header.
 */
package dev.workersai.generator.refresh;
