// Proves: paging with de-duplication, a bad schema answer and a guarded breaking change each leave
// the snapshot exactly as it was, a good refresh replaces it and keeps rate-limits.json, the report
// has one breaking and one compatible change, and the token never reaches build.log or any file.
System.properties.remove('workers-ai.it.fakeCatalog')?.stop(0)

def log = new File(basedir, 'build.log').text
def original = new File(basedir, 'snapshot-original.txt').text
['acc-broken', 'acc-guarded', 'acc-main'].each { account ->
  assert new File(basedir, "snapshot-seen-by-${account}.txt").text == original : "the snapshot changed before the ${account} run"
}

// Run 1: the HTML answer is named.
assert log.contains('schema of @cf/it/b') && log.contains('not JSON') : 'the bad schema answer is not reported'
// Run 2: the guard fired, naming the change behind it.
assert log.contains('Breaking catalog changes touch models this project selects')
assert log.contains('- @cf/it/b input $.mode: required field added') : 'the guard does not name the breaking change'
// Run 4: the echoed header is masked.
assert log.contains('HTTP 401: denied for Bearer [redacted]') : 'the echoing server\'s answer is not reported'
assert !log.contains('it-env-t') : 'a piece of the API token appears in build.log'
// Run 3: paging read 3 pages, de-duplicated b, wrote 3 models and kept the rate limits.
assert log.contains('catalog search page 2: 2 models, 1 new')
assert log.contains('catalog search page 3: 0 models, 0 new')
def models = new File(basedir, 'model-schemas/models').listFiles().findAll { it.name.endsWith('.json') && it.name != 'type-names.json' }
assert models.size() == 3 : "expected 3 model files, found ${models*.name}"
// The refresh keeps the type names of the new snapshot beside its models.
assert new File(basedir, 'model-schemas/models/type-names.json').text.contains('"nested"')
def all = models.collect { it.text }.join('\n')
assert all.contains('temperature') && all.contains('"mode"')
assert !all.contains('Prose that a facts-only snapshot drops') : 'description prose reached the snapshot'
assert new File(basedir, 'model-schemas/rate-limits.json').text.contains('"@cf/it/b": 720')
assert !new File(basedir, 'model-schemas').list().any { it.contains('.refresh-') } : 'staging folders left behind'
assert new File(basedir, 'model-schemas/models/snapshot.properties').text =~ /(?m)^date=\d{4}-\d{2}-\d{2}$/ : 'the refreshed snapshot carries no date'

// Run 5: the refreshed snapshot generates, and user code written against its models still compiles.
assert new File(basedir, 'target/classes/app/Usage.class').isFile() : 'user code did not compile against the refreshed snapshot'
assert new File(basedir, 'target/generated-sources/workers-ai/dev/workersai/models/it/C.java').isFile()

// The report of run 3.
def report = new File(basedir, 'target/workers-ai/catalog-changes.md')
assert report.isFile() && new File(basedir, 'target/workers-ai/catalog-changes.json').isFile()
def md = report.text
assert md.contains('@cf/it/a') && md.contains('@cf/it/b') && !md.contains('@cf/it/c')
assert md =~ /(?is)breaking.*mode|mode.*breaking/
assert md =~ /(?is)compatible.*temperature|temperature.*compatible/

// The token: not in the log, not in any file the build wrote.
def token = 'it-env-token-5d1e8b'
assert !log.contains(token) : 'the API token appears in build.log'
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { assert !it.text.contains(token) : "token in ${it}" }
new File(basedir, 'model-schemas').eachFileRecurse(groovy.io.FileType.FILES) { assert !it.text.contains(token) : "token in ${it}" }
return true
