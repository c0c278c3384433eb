// Proves: a generation in the forked JVM (the default) and one in Maven's JVM write the same bytes
// for the whole bundled catalog, and log the same lines; the first one really forked, and stored its
// class archive in the default folder, under the local repository.
def log = new File(basedir, 'build.log').text
def tree = { String name ->
  def root = new File(basedir, "target/generated-sources/${name}")
  def files = [:] as TreeMap
  root.eachFileRecurse(groovy.io.FileType.FILES) { files[root.toPath().relativize(it.toPath()).toString()] = it.bytes }
  files
}
def forked = tree('forked')
def inProcess = tree('in-process')
assert forked.size() > 150 : "the forked run wrote ${forked.size()} files"
assert forked.keySet() == inProcess.keySet() : "file lists differ: ${(forked.keySet() - inProcess.keySet()) + (inProcess.keySet() - forked.keySet())}"
forked.each { path, bytes -> assert Arrays.equals(bytes, inProcess[path]) : "${path} differs between the forked and the in-process run" }

// The argument file the forked run wrote names its output folder; the in-process run wrote none.
def args = new File(basedir, 'target/workers-ai/fork.args').text
assert args.contains('generated-sources/forked') && !args.contains('generated-sources/in-process') : args

// Each execution logged the same lines after its "Generating" line (the child's relayed, the other's direct).
def executions = log.split(/--- workers-ai-maven-plugin:[^:]+:generate \(/).drop(1)
assert executions.size() == 2 : "expected 2 executions, found ${executions.size()}"
def outcome = { String text -> text.readLines().findAll { it.startsWith('[INFO] Rate limits') || it.startsWith('[INFO] models: ') } }
assert outcome(executions[0]).size() == 2 && outcome(executions[0]) == outcome(executions[1]) : executions
assert !log.contains('[WARNING]') : 'a warning in the build log (the forked JVM writes none)'

// The forked JVM's class archives are kept by default in the local repository the build uses.
def cds = new File(localRepositoryPath, '.cache/workers-ai-maven-plugin/cds')
assert cds.listFiles()?.any { it.name.endsWith('.jsa') } : "no class archive in ${cds}"
return true
