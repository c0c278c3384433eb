// Proves: an unchanged second build does no work and touches no file; a model that left the snapshot
// loses its source while every other generated file keeps its bytes and timestamp; editing one
// model's schema renders and rewrites only that model's source.
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
return true
