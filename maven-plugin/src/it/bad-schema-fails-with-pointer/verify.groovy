// The build failed (invoker.buildResult = failure); it must say which file and where, and write nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('models/broken.json#/schema/input/properties/prompt/type') : 'build.log does not name the file and JSON pointer'
assert !new File(basedir, 'target/generated-sources/workers-ai').exists() : 'a failed generation must not write sources'
assert !new File(basedir, 'target/workers-ai/state-v2.properties').exists() : 'a failed generation must not record state'
// The generation ran in the forked JVM (the default): the message above came through its line protocol.
assert new File(basedir, 'target/workers-ai/fork.args').isFile() : 'the failing generation did not fork'
return true
