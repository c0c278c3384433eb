// Proves: in a reactor built with -T 2, generate runs in each module on that module's own snapshot,
// packageName and filters, keeps its own state file, and adds its own source root; no module's
// output, state or classes contain another module's models or package.

def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2') : 'the reactor did not build with -T 2'
assert !log.contains('is not marked @threadSafe') : 'Maven warned that a plugin is not thread-safe'
['alpha', 'beta', 'gamma'].each { assert log =~ /(?m)^\[INFO\] ${it} \.+ SUCCESS/ : "module ${it} did not build" }

// module -> [package, model ids it must generate (and only these), class names they compile to]
def expected = [
  alpha: ['it.alpha', ['@cf/it/chat', '@cf/it/embed'], ['Chat', 'Embed']],
  beta : ['it.beta',  ['@cf/it/translate'],            ['Translate']],
  gamma: ['it.gamma', ['@cf/it/embed'],                ['Embed']],
]

expected.each { module, spec ->
  def (String pkg, List ids, List classes) = spec
  def dir = new File(basedir, module)
  def generated = new File(dir, 'target/generated-sources/workers-ai')
  assert generated.isDirectory() : "${module}: no generated sources"

  def sources = []
  generated.eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.endsWith('.java')) sources << it }
  def modelIds = sources.collectMany { f -> (f.text =~ /MODEL_ID = "([^"]+)"/).collect { it[1] } }.sort()
  assert modelIds == ids : "${module} generated ${modelIds}, expected only ${ids}"
  sources.each { f ->
    def declared = (f.text =~ /(?m)^package ([\w.]+);/)[0][1]
    assert declared == pkg || declared.startsWith(pkg + '.') : "${module}: ${f} is in package ${declared}, not under ${pkg}"
  }

  // Compiled from the module's own source root, into the module's own classes.
  def pkgDir = pkg.replace('.', '/')
  def compiled = []
  new File(dir, 'target/classes').eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.endsWith('.class') && !it.name.contains('$')) compiled << it }
  def compiledNames = compiled.collect { it.name - '.class' }.sort()
  assert compiledNames == classes.sort() : "${module} compiled ${compiledNames}, expected ${classes}"
  compiled.each { assert it.path.contains("/target/classes/${pkgDir}/") : "${module}: ${it} is outside ${pkg}" }
  assert new File(dir, "target/${module}-1.0.jar").isFile() : "${module}: no jar"

  // Its own state, recording its own inputs.
  def stateFile = new File(dir, 'target/workers-ai/state-v2.properties')
  assert stateFile.isFile() : "${module}: no state file"
  def state = new Properties()
  stateFile.withReader('UTF-8') { state.load(it) }
  assert state['configuration.packageName'] == pkg
  assert new File(state['configuration.schemaDirectory']).canonicalPath == new File(dir, 'model-schemas').canonicalPath
  assert new File(state['configuration.outputDirectory']).canonicalPath == generated.canonicalPath
}

// The aggregator itself generates nothing and keeps no state.
assert !new File(basedir, 'target/workers-ai').exists()
assert !new File(basedir, 'target/generated-sources').exists()
return true
