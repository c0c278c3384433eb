// Proves: an unchanged second build does no work and touches no file; a model that left the snapshot
// loses its source while every other generated file keeps its bytes and timestamp; editing one
// model's schema renders and rewrites only that model's source. The first build stores one class
// archive for the forked JVM, which the last build's JVM maps, and nothing about archives reaches the
// log. And the plugin is installed as one jar with a POM that has no parent and no dependencies.
import java.time.Instant

def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/workers-ai')

// The four builds share build.log; split it at each build's "Scanning for projects".
def builds = log.split(/\[INFO\] Scanning for projects/).drop(1)
assert builds.size() == 4 : "expected 4 builds in build.log, found ${builds.size()}"
assert builds[0].contains('Generating Workers AI sources because there is no record of an earlier run')
assert builds[1].contains('are up to date: schemas, configuration and plugin unchanged') : builds[1]
assert !builds[1].contains('Generating Workers AI sources')
assert builds[2].contains('Generating Workers AI sources because the configuration changed (schemaDirectory)')
assert builds[2] =~ /0 written, 2 unchanged, 1 deleted; 0 rendered, 2 reused/ : builds[2]
assert builds[3].contains('Generating Workers AI sources because the configuration changed (schemaDirectory)')
assert builds[3] =~ /1 written, 1 unchanged, 0 deleted; 1 rendered, 1 reused/ : builds[3]

// One archive, no temporary file left; build 4 (run with -X, whose log shows the command) mapped it.
def archives = new File(basedir, 'cds').listFiles()
assert archives.size() == 1 && archives[0].name ==~ /[0-9a-f]{16}-[0-9]+\.jsa/ : "expected one archive in cds/: ${archives}"
assert builds[3].contains("-XX:SharedArchiveFile=${archives[0]}") : 'build 4 did not map the archive'
assert !log.contains('[forked JVM]') : 'the forked JVM wrote outside its protocol (a class archive warning?)'
builds.take(3).each { assert !it.contains('[WARNING]') : it }

def sources = []
generated.eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.endsWith('.java')) sources << it }
def mentioning = { String id -> sources.findAll { it.text.contains("MODEL_ID = \"${id}\"") } }
assert mentioning('@cf/it/chat') && mentioning('@cf/it/translate')
assert mentioning('@cf/it/embed').isEmpty() : "sources of the removed model remain: ${mentioning('@cf/it/embed')}"

// Timestamps: every surviving source but chat's was last written by build 1. Build 1's "Finished at"
// is cut to the second, so a file it wrote is older than that second's end; builds 2 to 4 each start
// a new Maven (well over a second later), so a file they rewrote would be newer.
def firstFinished = Instant.parse((builds[0] =~ /Finished at: (\S+)/)[0][1]).toEpochMilli() + 1000
def chat = mentioning('@cf/it/chat')
assert chat.size() == 1 && chat[0].text.contains('temperature') : "chat's source lacks the edit: ${chat}"
def thirdFinished = Instant.parse((builds[2] =~ /Finished at: (\S+)/)[0][1]).toEpochMilli()
assert chat[0].lastModified() >= thirdFinished : "chat's source was not rewritten by build 4"
(sources - chat).each { f ->
  assert f.lastModified() < firstFinished : "${f.name} was rewritten after build 1 although its bytes did not change"
}

// The plugin these builds ran is one jar with a POM that has neither parent nor dependencies, so Maven
// reads one small POM and opens one jar before the goal runs (docs/performance.md, round 4). The jar
// holds the generator and its libraries, and nothing of the packages Maven gives every plugin realm
// from its own class path (a copy would never be loaded, or would clash with Maven's).
def installed = new File(localRepositoryPath, 'dev/workersai/workers-ai-maven-plugin').listFiles().find { it.isDirectory() }
def pomFile = installed.listFiles().find { it.name.endsWith('.pom') }
def pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pomFile).documentElement
def children = { String name -> (0..<pom.childNodes.length).collect { pom.childNodes.item(it) }.findAll { it.nodeName == name } }
assert children('parent').isEmpty() : "the installed plugin POM has a parent: ${pomFile.text}"
assert children('dependencies').isEmpty() : "the installed plugin POM declares dependencies: ${pomFile.text}"
assert children('prerequisites') : "the installed plugin POM lost its Maven prerequisite: ${pomFile.text}"
def jar = new java.util.jar.JarFile(installed.listFiles().find { it.name.endsWith('.jar') })
def entries = jar.entries().collect { it.name }
['dev/workersai/maven/GenerateMojo.class', 'dev/workersai/generator/Generator.class', 'com/palantir/javapoet/JavaFile.class',
 'com/fasterxml/jackson/databind/ObjectMapper.class', 'okhttp3/OkHttpClient.class', 'META-INF/maven/plugin.xml'].each {
  assert entries.contains(it) : "the plugin jar lacks ${it}"
}
def exported = ['org/apache/maven/', 'org/codehaus/plexus/', 'org/codehaus/classworlds/', 'org/eclipse/aether/', 'org/slf4j/',
                'org/fusesource/jansi/', 'javax/inject/', 'javax/annotation/']
def clashing = entries.findAll { e -> exported.any { e.startsWith(it) } }
assert clashing.isEmpty() : "the plugin jar holds classes of packages Maven exports to plugins: ${clashing.take(5)}"
assert jar.manifest.mainAttributes.getValue('Multi-Release') == 'true' : 'the plugin jar lost Multi-Release (Jackson ships classes per JDK)'
jar.close()
return true
