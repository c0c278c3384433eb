// Proves: includes/excludes/tasks keep exactly @cf/it/chat, its source is a compile source root
// (it compiled and TypedCallTest, which uses it, ran and passed).
def generated = new File(basedir, 'target/generated-sources/workers-ai')
def sources = []
generated.eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.endsWith('.java')) sources << it }
def ids = ['@cf/it/chat', '@cf/it/chat-skip', '@cf/it/embed', '@cf/it/translate', '@hf/elsewhere/other-chat']
def generatedIds = ids.findAll { id -> sources.any { it.text.contains("MODEL_ID = \"${id}\"") } }
assert generatedIds == ['@cf/it/chat'] : "the filters kept ${generatedIds}"
assert new File(basedir, 'target/test-classes/it/TypedCallTest.class').isFile()
def report = new File(basedir, 'target/surefire-reports/it.TypedCallTest.txt')
assert report.isFile() && report.text.contains('Tests run: 1, Failures: 0, Errors: 0') : 'the typed call test did not pass'
return true
